using SearchEngine.Lucene;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Lucene;

/// <summary>The Lucene.Net engine with SmartChineseAnalyzer: the same query language and contract, SmartCn's terms.</summary>
public sealed class SmartCnEngineTests : TempFolderTest
{
    private IIndexSnapshot Build()
    {
        using var writer = new LuceneEngine(LuceneAnalyzers.SmartCn).OpenWriter(Folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        return writer.Commit();
    }

    [Fact]
    public void Should_find_and_mark_a_word_in_the_seeds()
    {
        // Given the seeds indexed with SmartCn, when 氢能 is searched
        var result = Build().Search(new SearchRequest { Query = "氢能" });

        // Then documents match, and the word is marked as our analyzer reads the query
        Assert.True(result.TotalDocuments >= 2, $"{result.TotalDocuments} documents");
        Assert.Contains(result.Hits, h => h.Snippet.Contains("<mark>氢能</mark>", StringComparison.Ordinal));
        Assert.NotEmpty(result.Facets[FacetNames.Issuer]);
    }

    [Fact]
    public void Should_keep_the_query_language_exclusions_and_fields()
    {
        var snapshot = Build();
        // An exclusion removes sections (the unit of search), so it is counted in sections.
        long all = snapshot.Search(new SearchRequest { Query = "发展" }).Total;
        long without = snapshot.Search(new SearchRequest { Query = "发展 -北斗" }).Total;
        long titled = snapshot.Search(new SearchRequest { Query = "title:规划" }).TotalDocuments;
        Assert.True(without < all, $"{without} of {all} sections");
        Assert.InRange(titled, 1, snapshot.DocumentCount - 1);
    }

    [Fact]
    public void Should_refuse_an_index_built_with_the_other_analyzer()
    {
        Build();
        var e = Assert.Throws<IndexEngineException>(() => new LuceneEngine(LuceneAnalyzers.Policy).OpenWriter(Folder));
        Assert.Contains("--analyzer smartcn", e.Message, StringComparison.Ordinal);
        Assert.Throws<IndexEngineException>(() => new LuceneEngine(LuceneAnalyzers.Policy).OpenReader(Folder, out _));
        // The refused writer released the lock: the right analyzer opens the folder.
        using var writer = new LuceneEngine(LuceneAnalyzers.SmartCn).OpenWriter(Folder);
        Assert.Equal(Seeds.Report.Documents.Count, writer.Snapshot.DocumentCount);
    }

    [Fact]
    public void Should_refuse_an_unknown_analyzer_name()
    {
        Assert.Throws<IndexEngineException>(() => new LuceneEngine("ik"));
    }
}
