using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// 责任单位 as a facet and a filter: the units the matching sections name, counted by distinct document, and a
/// filter that keeps the sections naming a unit (or, excluded, drops them), checked against the seeds' own records.
/// </summary>
public sealed class UnitFacetTests : TempFolderTest
{
    private readonly IndexSearcher _searcher;
    private readonly List<DocumentRecord> _records;

    public UnitFacetTests()
    {
        _records = [.. Seeds.Report.Documents.Select(DocumentRecord.From)];
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in _records)
            writer.AddOrUpdate(d);
        writer.Commit();
        _searcher = new IndexSearcher(writer.Snapshot);
    }

    [Fact]
    public void Should_count_the_units_of_the_matching_sections_by_document()
    {
        var result = _searcher.Search(new SearchRequest { Query = "", MatchAllWhenEmpty = true, Size = 1, FacetLimit = 1000 });
        var expected = _records.SelectMany(d => d.Sections.SelectMany(s => s.Units).Select(u => (d.Id, u.Name))).Distinct()
            .GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(expected); // the seeds name their responsible units
        var got = result.Facets[FacetNames.Unit].ToDictionary(v => v.Value, v => v.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), got.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Should_keep_or_drop_the_sections_that_name_a_unit()
    {
        string unit = _records.SelectMany(d => d.Sections.SelectMany(s => s.Units)).GroupBy(u => u.Name).MaxBy(g => g.Count())!.Key;
        int naming = _records.Sum(d => d.Sections.Count(s => s.Units.Any(u => u.Name == unit)));

        var kept = _searcher.Search(new SearchRequest { Query = "", MatchAllWhenEmpty = true, GroupByDocument = false, Size = 1000, Filters = new SearchFilters { Units = [unit] } });
        Assert.Equal(naming, kept.Total);
        Assert.All(kept.Hits, h => Assert.Contains(h.Units, u => u.Name == unit));

        var all = _searcher.Search(new SearchRequest { Query = "", MatchAllWhenEmpty = true, GroupByDocument = false, Size = 1 });
        var dropped = _searcher.Search(new SearchRequest { Query = "", MatchAllWhenEmpty = true, GroupByDocument = false, Size = 1000, Filters = new SearchFilters { ExcludedUnits = [unit] } });
        Assert.Equal(all.Total - naming, dropped.Total);
        Assert.All(dropped.Hits, h => Assert.DoesNotContain(h.Units, u => u.Name == unit));
    }
}
