using SearchEngine.Core.Duplicates;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

public class DuplicateTests
{
    [Fact]
    public void Should_fold_the_pdf_of_the_plan_into_its_web_page()
    {
        var report = Seeds.Report;
        Assert.Equal(4, report.Documents.Count);
        var group = Assert.Single(report.Duplicates);
        Assert.Equal(["seeds/000_146095241881ebac.txt", "seeds/001_d055fb890c9c7445.txt"], group);
        var plan = report.Documents.Single(d => d.Id == "000_146095241881ebac");
        Assert.Equal(["seeds/001_d055fb890c9c7445.txt"], plan.AlternateSources);
    }

    [Fact]
    public void Should_not_group_different_plans()
    {
        var texts = Seeds.Report.Documents.Select(d => d.Text).ToList();
        Assert.Empty(NearDuplicateDetector.Group(texts));
    }

    [Fact]
    public void Should_estimate_similarity_near_the_true_jaccard_for_generated_texts()
    {
        var random = new Random(7);
        string baseText = new(Enumerable.Range(0, 4000).Select(_ => (char)random.Next(0x4e00, 0x4e00 + 300)).ToArray());
        string edited = string.Concat(baseText.AsSpan(0, 3600), "完全不同的结尾内容再加一些字");
        double similar = NearDuplicateDetector.Similarity(NearDuplicateDetector.Signature(baseText), NearDuplicateDetector.Signature(edited));
        double unrelated = NearDuplicateDetector.Similarity(NearDuplicateDetector.Signature(baseText), NearDuplicateDetector.Signature(new string(baseText.Reverse().ToArray())));
        Assert.InRange(similar, 0.75, 1.0);
        Assert.InRange(unrelated, 0.0, 0.1);
    }
}

public class DocumentIdTests
{
    [Fact]
    public void Should_keep_ids_readable_and_make_them_unique_within_a_set()
    {
        var ids = SearchEngine.Ingestion.Pipeline.DocumentIds.Assign(["seeds/000_abc.txt", "f/policy.pdf", "f/policy.docx", "a/x.txt", "b/x.txt"]);
        Assert.Equal("000_abc", ids["seeds/000_abc.txt"]);
        Assert.Equal("policy-pdf", ids["f/policy.pdf"]);
        Assert.Equal("policy-docx", ids["f/policy.docx"]);
        Assert.NotEqual(ids["a/x.txt"], ids["b/x.txt"]);
        Assert.StartsWith("x-txt-", ids["a/x.txt"], StringComparison.Ordinal);
        Assert.Equal(ids.Count, ids.Values.Distinct().Count());
    }

    [Fact]
    public void Should_give_every_fixture_its_own_id_when_a_folder_is_ingested()
    {
        var report = new SearchEngine.Ingestion.Pipeline.PolicyFileIngester().Ingest([Seeds.Fixture("")], Seeds.Fixture(""));
        Assert.Equal(report.Documents.Count, report.Documents.Select(d => d.Id).Distinct().Count());
    }
}
