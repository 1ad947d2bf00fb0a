using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// The engine over the real documents beside the seeds: a page's own 发文字号, printed only in its information
/// table, finds the page; region and issuer filters keep what they say; near-duplicate copies show once, as the
/// better copy; inferred values are flagged on hits.
/// </summary>
public sealed class RealDocsSearchTests : TempFolderTest
{
    private readonly IndexSearcher _searcher;

    public RealDocsSearchTests()
    {
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in SeedsAndRealDocs.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        writer.Commit();
        _searcher = new IndexSearcher(writer.Snapshot);
    }

    private SearchResult Search(string q, SearchFilters? filters = null) =>
        _searcher.Search(new SearchRequest { Query = q, Filters = filters ?? SearchFilters.None, GroupByDocument = true, Size = 100 });

    [Fact]
    public void Should_match_a_run_typed_as_one_word_only_where_its_pieces_stand_together()
    {
        var records = SeedsAndRealDocs.Report.Documents.Select(DocumentRecord.From).ToDictionary(d => d.Id);
        string Text(string id, int section) => System.Text.RegularExpressions.Regex.Replace(
            records[id].Title + records[id].Sections.Single(s => s.SectionIndex == section).HeadingText + records[id].Sections.Single(s => s.SectionIndex == section).Body, @"\s+", "");
        var adjacent = new System.Text.RegularExpressions.Regex("职业.?教育");
        // The documents do hold sections with 职业 and 教育 apart: the old AND of the pieces found them.
        Assert.Contains(records.Values.SelectMany(d => d.Sections.Select(s => Text(d.Id, s.SectionIndex))),
            t => t.Contains("职业", StringComparison.Ordinal) && t.Contains("教育", StringComparison.Ordinal) && !adjacent.IsMatch(t));
        var result = _searcher.Search(new SearchRequest { Query = "职业教育", GroupByDocument = false, Size = 100, Highlight = false });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Matches(adjacent, Text(h.DocumentId, h.SectionId)));
    }

    [Theory]
    [InlineData("赣府厅发〔2020〕4号")]
    [InlineData("赣府厅发(2020)4号")]
    [InlineData("赣府厅发（2020）第4号")]
    [InlineData("赣府厅发〔2020〕4 号")]
    [InlineData("赣府厅发2020 4号")]
    public void Should_find_a_page_by_the_number_its_information_table_prints(string query)
    {
        var result = Search(query);
        Assert.Equal("jx-4975_1503934", result.Hits[0].DocumentId);
        Assert.Equal("赣府厅发〔2020〕4号", result.Hits[0].DocumentNumber);
    }

    [Fact]
    public void Should_list_a_series_of_pages_by_their_own_numbers_newest_first()
    {
        // Given the pages whose own number (printed or in the information table) has the prefix 赣府厅发
        var expected = SeedsAndRealDocs.Report.Documents.Where(d => d.Metadata.DocumentNumber?.Value.Prefix == "赣府厅发").ToList();
        Assert.Contains(expected, d => d.Id == "jx-4975_1503934");

        // When the prefix is searched, they are listed, and only they, newest first
        var hits = Search("赣府厅发").Hits;
        Assert.Equal(expected.Select(d => d.Id).Order(StringComparer.Ordinal), hits.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        var dates = hits.Select(h => h.Date ?? (h.Year is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Fact]
    public void Should_keep_documents_of_other_provinces_out_of_a_region_filter()
    {
        var hunan = Search("", new SearchFilters { Regions = ["湖南省"] });
        Assert.NotEmpty(hunan.Hits);
        Assert.All(hunan.Hits, h => Assert.StartsWith("seeds/", h.Source, StringComparison.Ordinal));
        var jiangxi = Search("", new SearchFilters { Regions = ["江西省"] });
        Assert.True(jiangxi.TotalDocuments >= 10, $"{jiangxi.TotalDocuments} Jiangxi documents");
        Assert.All(jiangxi.Hits, h => Assert.Contains("/jx-", h.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_a_page_and_its_scraped_text_once_as_the_page()
    {
        var result = Search("金融支持防控疫情稳定经济增长");
        var hit = Assert.Single(result.Hits, h => h.DocumentId.StartsWith("jx-4969_1497540", StringComparison.Ordinal));
        Assert.EndsWith("jx-4969_1497540.html", hit.Source, StringComparison.Ordinal);
        Assert.Contains(hit.AlternateSources, s => s.EndsWith("jx-4969_1497540-scraped.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_flag_the_values_it_inferred()
    {
        var plan = Search("培育好强科创兴产业的动能").Hits.First(h => h.DocumentId.StartsWith("004", StringComparison.Ordinal));
        Assert.Contains("year", plan.Inferred);
        Assert.Contains("region", plan.Inferred);
        var printed = Search("赣府厅发〔2020〕4号").Hits[0];
        Assert.Empty(printed.Inferred);
    }
}
