using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Sorting and visible expansions on the real seeds (plus an undated document and one that writes 十四五 only in
/// its long form): date orders, browsing by filters newest first, the expansions a result lists, expand=false,
/// and snippets that mark a multi-word synonym only as a phrase.
/// </summary>
public sealed class SeedSortAndExpansionTests : TempFolderTest
{
    private readonly IndexSearcher _searcher;
    private readonly List<DocumentRecord> _documents;

    public SeedSortAndExpansionTests()
    {
        _documents = [.. Seeds.Report.Documents.Select(DocumentRecord.From), Undated(), LongFormOnly()];
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in _documents)
            writer.AddOrUpdate(d);
        writer.Commit();
        _searcher = new IndexSearcher(writer.Snapshot);
    }

    private SearchResult Search(string q, SearchSort sort = SearchSort.Relevance, bool group = true, bool expand = true, SearchFilters? filters = null) =>
        _searcher.Search(new SearchRequest { Query = q, Sort = sort, GroupByDocument = group, Expand = expand, Filters = filters ?? SearchFilters.None, Size = 1000 });

    private static int? Day(SearchHit h) => h.Date?.DayNumber ?? (h.Year is { } y ? new DateOnly(y, 1, 1).DayNumber : null);

    [Theory]
    [InlineData("发展", true)]
    [InlineData("发展", false)]
    [InlineData("产业 创新", true)]
    [InlineData("氢能 OR 北斗", false)]
    public void Should_list_hits_newest_first_or_oldest_first_with_undated_documents_last(string query, bool group)
    {
        var relevance = Search(query, group: group);
        var newest = Search(query, SearchSort.DateDesc, group);
        var oldest = Search(query, SearchSort.DateAsc, group);

        // the same hits, in another order
        Assert.Equal(relevance.Hits.Select(h => (h.DocumentId, h.SectionId)).Order(), newest.Hits.Select(h => (h.DocumentId, h.SectionId)).Order());
        Assert.Equal(relevance.Hits.Select(h => (h.DocumentId, h.SectionId)).Order(), oldest.Hits.Select(h => (h.DocumentId, h.SectionId)).Order());
        AssertOrdered(newest.Hits, descending: true);
        AssertOrdered(oldest.Hits, descending: false);
        Assert.Contains(newest.Hits, h => h.DocumentId == "undated");
    }

    [Fact]
    public void Should_list_documents_newest_first_when_browsing_by_a_filter_alone()
    {
        var result = Search("", SearchSort.DateDesc, filters: new SearchFilters { Regions = ["湖南省"] });
        Assert.True(result.Hits.Count >= 3, $"{result.Hits.Count} documents in 湖南省");
        AssertOrdered(result.Hits, descending: true);
        Assert.Equal(_documents.Where(d => d.Region == "湖南省").Max(d => d.Date), result.Hits[0].Date);
    }

    [Fact]
    public void Should_list_the_synonyms_a_word_was_expanded_with_and_only_words_of_the_query()
    {
        var hydrogen = Search("氢能 发展");
        var expansion = Assert.Single(hydrogen.Expansions);
        Assert.Equal("氢能", expansion.Term);
        Assert.Contains("氢燃料电池", expansion.Alternatives);
        Assert.Contains("燃料电池", expansion.Alternatives);
        Assert.Empty(Search("发展").Expansions);
        Assert.Empty(Search("发展 -氢能").Expansions); // an excluded word's synonyms are excluded, not shown as matches
        Assert.Empty(Search("氢能", expand: false).Expansions);
    }

    [Fact]
    public void Should_match_only_the_literal_word_when_expansion_is_off()
    {
        // Given the sections that mention fuel cells but not 氢能 (title, heading and body)
        var fuelCellOnly = _documents
            .SelectMany(d => d.Sections.Select(s => (d.Id, s.SectionIndex, Text: d.Title + string.Concat(s.HeadingPath) + s.Body)))
            .Where(s => s.Text.Contains("燃料电池", StringComparison.Ordinal) && !s.Text.Contains("氢能", StringComparison.Ordinal))
            .Select(s => (s.Id, s.SectionIndex))
            .ToHashSet();
        Assert.NotEmpty(fuelCellOnly);

        // When 氢能 is searched with synonyms and without
        var expanded = Search("氢能", group: false);
        var literal = Search("氢能", group: false, expand: false);

        // Then only the expanded search lists them, and the literal one marks 氢能 in every snippet
        Assert.Contains(expanded.Hits, h => fuelCellOnly.Contains((h.DocumentId, h.SectionId)));
        Assert.DoesNotContain(literal.Hits, h => fuelCellOnly.Contains((h.DocumentId, h.SectionId)));
        Assert.True(literal.Total < expanded.Total, $"literal {literal.Total}, expanded {expanded.Total}");
        Assert.All(literal.Hits, h => Assert.DoesNotContain("<mark>燃料电池</mark>", h.Snippet, StringComparison.Ordinal));
        Assert.Contains(expanded.Hits, h => h.Snippet.Contains("燃料电池</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_find_and_mark_the_long_form_of_an_abbreviation_as_a_phrase_but_never_its_words_alone()
    {
        var result = Search("十四五", group: false);
        Assert.Contains(result.Hits, h => h.DocumentId == "long-form");
        Assert.Contains(result.Hits, h => h.Snippet.Contains("<mark>第十四个五年规划</mark>", StringComparison.Ordinal));
        Assert.All(result.Hits, h => Assert.DoesNotContain("<mark>规划</mark>", h.Snippet, StringComparison.Ordinal));
        Assert.DoesNotContain(Search("十四五", group: false, expand: false).Hits, h => h.DocumentId == "long-form");
    }

    private static void AssertOrdered(IReadOnlyList<SearchHit> hits, bool descending)
    {
        for (int i = 1; i < hits.Count; i++)
        {
            int? a = Day(hits[i - 1]), b = Day(hits[i]);
            string where = $"hit {i - 1} ({hits[i - 1].DocumentId}, day {a}, score {hits[i - 1].Score}) then hit {i} ({hits[i].DocumentId}, day {b}, score {hits[i].Score})";
            Assert.False(a is null && b is not null, $"an undated hit before a dated one: {where}");
            if (a is { } x && b is { } y)
                Assert.True(descending ? x >= y : x <= y, $"out of date order: {where}");
            if (a == b)
                Assert.True(hits[i - 1].Score >= hits[i].Score, $"a tie of dates not ordered by score: {where}");
        }
    }

    private static DocumentRecord Undated() => new("undated", "关于推动产业创新发展的通知", null, ["测试机关"], null, null, null, "湖南省", "通知", [], "test/undated.txt", [],
        [new SectionRecord(0, HeadingLevel.Part, ["一、总体要求"], "推动产业创新发展，布局氢能与北斗应用。", [], [])]);

    private static DocumentRecord LongFormOnly() => new("long-form", "关于编制规划的通知", null, ["测试机关"], null, new DateOnly(2020, 12, 1), 2020, "湖南省", "通知", [], "test/long-form.txt", [],
        [new SectionRecord(0, HeadingLevel.Part, ["一、总体要求"], "编制国民经济和社会发展第十四个五年规划，各部门编制专项规划。", [], [])]);
}
