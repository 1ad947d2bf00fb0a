using SearchEngine.Core.Analysis;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// 发文字号 in the search box, as researchers type them: every spelling finds the document that carries the number
/// first (above the documents that cite it), a prefix or prefix and year lists the series newest first, and the
/// suggestion box offers the number in a spelling that works.
/// </summary>
public sealed class DocumentNumberSearchTests : TempFolderTest
{
    private const string Seed002 = "seeds/002_c94bdb5e75d2aac8.txt";

    /// <summary>Seed 002 prints 湘政办发(2024)3号: each spelling a researcher might type for it.</summary>
    public static TheoryData<string> SpellingsOfSeed002 =>
    [
        "湘政办发(2024)3号", "湘政办发（2024）3号", "湘政办发〔2024〕3号", "湘政办发[2024]3号", "湘政办发【2024】3号", "湘政办发［2024］3号",
        "湘政办发〔2024〕3 号", "湘政办发〔2024〕第3号", "湘政办发 〔2024〕 第 3 号", "湘政办发2024 3号", "湘政办发2024第3号",
        "湘政办发〔２０２４〕３号", "湘政办发（２０２４）第３号",
    ];

    private static IndexSearcher SeedSearcher(string folder)
    {
        using var writer = IndexWriter.Open(folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        writer.Commit();
        return new IndexSearcher(writer.Snapshot);
    }

    private static SearchResult Search(IndexSearcher searcher, string q) =>
        searcher.Search(new SearchRequest { Query = q, GroupByDocument = true, Size = 50 });

    [Theory]
    [MemberData(nameof(SpellingsOfSeed002))]
    public void Should_find_seed_002_first_by_its_number_in_every_spelling(string query)
    {
        // Given the seeds indexed
        var searcher = SeedSearcher(Folder);

        // When its number is searched as typed
        var result = Search(searcher, query);

        // Then seed 002 comes first, and the query needed no repair
        Assert.NotEmpty(result.Hits);
        Assert.True(result.Hits[0].Source == Seed002, $"{query}: first {result.Hits[0].Source}");
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("湘政办发")]
    [InlineData("湘政办发〔2021〕")]
    [InlineData("湘政办发(2024)")]
    [InlineData("湘政办发（2024）")]
    public void Should_list_the_seeds_of_a_series_newest_first(string query)
    {
        // Given the seeds, and the ones whose own number is in the series the query names
        var searcher = SeedSearcher(Folder);
        int? year = query.Any(char.IsAsciiDigit) ? int.Parse(new string([.. query.Where(char.IsAsciiDigit)]), System.Globalization.CultureInfo.InvariantCulture) : null;
        var expected = Seeds.Report.Documents
            .Where(d => d.Metadata.DocumentNumber?.Value is { Prefix: "湘政办发" } n && (year is null || n.Year == year))
            .OrderByDescending(d => d.Metadata.SigningDate?.Value ?? d.Metadata.PublicationDate?.Value)
            .Select(d => d.Source).ToList();
        Assert.NotEmpty(expected);

        // When the series is searched
        var result = Search(searcher, query);

        // Then exactly those documents are listed, newest first
        Assert.Equal(expected, result.Hits.Select(h => h.Source));
    }

    [Fact]
    public void Should_suggest_a_number_in_the_spelling_that_finds_it()
    {
        var searcher = SeedSearcher(Folder);
        foreach (string typed in new[] { "湘政办发(2024", "湘政办发〔2024〕", "湘政办发［2024］" })
        {
            var suggestion = new Suggester(searcher.Snapshot, ChineseAnalyzer.Default).Suggest(typed);
            Assert.Contains(suggestion, s => s.Text == "湘政办发(2024)3号");
            Assert.All(suggestion, s => Assert.False(char.IsControl(s.Text[0]), s.Text));
            Assert.Equal(Seed002, Search(searcher, suggestion[0].Text).Hits[0].Source);
        }
    }

    [Fact]
    public void Should_rank_the_document_that_carries_a_number_above_those_that_cite_it()
    {
        // Given a document that carries 湘科发〔2022〕9号 (printed once, under its title), documents that cite it many
        // times (in title and body), one that carries a number only in its metadata, and unrelated documents
        const string Number = "湘科发〔2022〕9号";
        var documents = new List<DocumentRecord>
        {
            Generated("cite-1", "关于贯彻落实湘科发〔2022〕9号文件的通知", null, new DateOnly(2023, 3, 1),
                "根据湘科发〔2022〕9号要求，各地按照湘科发〔2022〕9号执行。湘科发〔2022〕9号明确了氢能发展任务。"),
            Generated("carrier", "关于支持氢能产业发展的若干措施", Number, new DateOnly(2022, 5, 10),
                Number + "\n各市州人民政府：现将支持氢能产业发展的若干措施印发给你们。"),
            Generated("cite-2", "湘科发〔2022〕9号解读", null, new DateOnly(2022, 6, 1),
                "湘科发〔2022〕9号（第9号）共十条，湘科发(2022)9号提出支持氢能。"),
            Generated("metadata-only", "关于储能产业的通知", "湘科发〔2021〕30号", new DateOnly(2021, 8, 2), "各市州：储能产业发展通知如下。"),
            Generated("series-2023", "关于科技创新的通知", "湘科发〔2023〕2号", new DateOnly(2023, 1, 20), "科技创新工作安排。"),
        };
        for (int i = 0; i < 20; i++)
            documents.Add(Generated($"other-{i}", "关于产业发展的通知", null, null, RandomCorpus.Sentence(new Random(i), 10, 30, "，")));
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in documents)
            writer.AddOrUpdate(d);
        writer.Commit();
        var searcher = new IndexSearcher(writer.Snapshot);

        // Then the carrier comes first in every spelling, the citers after it
        foreach (string query in new[] { Number, "湘科发(2022)9号", "湘科发〔2022〕第9号", "湘科发2022 9号" })
        {
            var hits = Search(searcher, query).Hits;
            Assert.True(hits[0].DocumentId == "carrier", $"{query}: {string.Join(", ", hits.Select(h => $"{h.DocumentId} {h.Score:F2}"))}");
            Assert.Contains(hits, h => h.DocumentId == "cite-1");
        }

        // And a number only in the metadata finds its document
        Assert.Equal("metadata-only", Search(searcher, "湘科发(2021)30号").Hits[0].DocumentId);

        // And the prefix lists the carriers newest first, without the citers; prefix and year, that year's only
        var expected = documents.Where(d => DocumentNumberParser.Parse(d.DocumentNumber ?? "")?.Prefix == "湘科发").OrderByDescending(d => d.Date).Select(d => d.Id);
        Assert.Equal(expected, Search(searcher, "湘科发").Hits.Select(h => h.DocumentId));
        Assert.Equal(["carrier"], Search(searcher, "湘科发〔2022〕").Hits.Select(h => h.DocumentId));
    }

    private static DocumentRecord Generated(string id, string title, string? number, DateOnly? date, string body) =>
        new(id, title, null, ["湖南省科学技术厅"], number, date, date?.Year, "湖南省", "通知", [], $"gen/{id}.txt", [],
            [new SectionRecord(0, HeadingLevel.Item, [], body, [], [])]);
}
