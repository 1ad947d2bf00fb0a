using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Excluded facet values (排除), the facet value limit that keeps chosen values, and the filters a query types,
/// on the real seeds; expectations come from the unfiltered answer, never from a list written here.
/// </summary>
public sealed class ExclusionFilterTests : TempFolderTest
{
    private readonly IndexSearcher _searcher;

    public ExclusionFilterTests()
    {
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        writer.Commit();
        _searcher = new IndexSearcher(writer.Snapshot);
    }

    private SearchResult Search(string q, SearchFilters? filters = null, int facetLimit = SearchRequest.DefaultFacetLimit, bool group = true) =>
        _searcher.Search(new SearchRequest { Query = q, Filters = filters ?? SearchFilters.None, Size = 1000, FacetLimit = facetLimit, GroupByDocument = group });

    [Fact]
    public void Should_remove_every_document_of_an_excluded_issuer_and_keep_the_rest()
    {
        var all = Search("发展");
        foreach (var issuer in all.Facets[FacetNames.Issuer])
        {
            var result = Search("发展", new SearchFilters { ExcludedIssuers = [issuer.Value] });
            Assert.Equal(all.TotalDocuments - issuer.Count, result.TotalDocuments);
            Assert.DoesNotContain(result.Hits, h => h.Issuers.Contains(issuer.Value));
            var kept = all.Hits.Where(h => !h.Issuers.Contains(issuer.Value)).Select(h => h.DocumentId).Order();
            Assert.Equal(kept, result.Hits.Select(h => h.DocumentId).Order());
        }
    }

    [Fact]
    public void Should_remove_sections_of_an_excluded_industry_and_still_count_the_excluded_value()
    {
        var all = Search("发展", group: false);
        var industry = all.Facets[FacetNames.Industry][0];
        var result = Search("发展", new SearchFilters { ExcludedIndustries = [industry.Value] }, group: false);
        var chosen = Search("发展", new SearchFilters { Industries = [industry.Value] }, group: false);
        Assert.NotEmpty(result.Hits);
        // excluding a value keeps exactly the sections choosing it leaves out
        var key = (SearchHit h) => (h.DocumentId, h.SectionId);
        Assert.Equal(all.Hits.Select(key).Order(), result.Hits.Select(key).Concat(chosen.Hits.Select(key)).Order());
        Assert.Empty(result.Hits.Select(key).Intersect(chosen.Hits.Select(key)));
        // the facet of the excluded value ignores its own filter, as a chosen value's does
        Assert.Equal(industry.Count, result.Facets[FacetNames.Industry].Single(v => v.Value == industry.Value).Count);
    }

    [Fact]
    public void Should_apply_an_exclusion_after_a_choice_of_the_same_facet()
    {
        var regions = Search("发展").Facets[FacetNames.Region].Select(v => v.Value).ToList();
        Assert.True(regions.Count >= 2, "the seeds have documents of at least two regions");
        var result = Search("发展", new SearchFilters { Regions = regions, ExcludedRegions = [regions[0]] });
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.NotEqual(regions[0], h.Region));
    }

    [Fact]
    public void Should_read_an_exclusion_typed_in_the_query_and_report_it_with_its_text()
    {
        var all = Search("发展");
        var issuer = all.Facets[FacetNames.Issuer][0];
        var result = Search($"发展 -issuer:{issuer.Value} year:2000..2100");
        Assert.Equal(all.TotalDocuments - issuer.Count, result.TotalDocuments);
        Assert.Equal(
            [new QueryFilter(FacetNames.Issuer, issuer.Value, true, $"-issuer:{issuer.Value}"), new QueryFilter(FacetNames.Year, "2000..2100", false, "year:2000..2100")],
            result.QueryFilters);
    }

    [Fact]
    public void Should_list_at_most_the_limit_and_always_the_chosen_values()
    {
        var all = Search("发展");
        var industries = all.Facets[FacetNames.Industry];
        Assert.True(industries.Count > 3, "the seeds have more than three industries");
        var limited = Search("发展", facetLimit: 3);
        Assert.Equal(industries.Take(3), limited.Facets[FacetNames.Industry]);
        Assert.Equal(industries.Count, limited.FacetSizes[FacetNames.Industry]);

        // a value chosen beyond the limit, and one that matches nothing, are listed after the top ones
        var last = industries[^1];
        var chosen = Search("发展", new SearchFilters { Industries = [last.Value], ExcludedIssuers = ["不存在的机关"] }, facetLimit: 3);
        Assert.Contains(last, chosen.Facets[FacetNames.Industry]);
        Assert.Equal(new FacetValue("不存在的机关", 0), chosen.Facets[FacetNames.Issuer][^1]);
    }
}
