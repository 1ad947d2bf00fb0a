using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>sort= and expand= on /api/search, and the document view marking what the search matched.</summary>
public sealed class SortAndExpansionApiTests(ServerFixture server) : SortAndExpansionApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class SortAndExpansionApiTestsOnLucene(LuceneServerFixture server) : SortAndExpansionApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class SortAndExpansionApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    private static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>The day a hit is sorted by: its date, else 1 January of its year; null without either.</summary>
    private static int? Day(JsonElement hit) =>
        hit.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.String ? DateOnly.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber
        : hit.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number ? new DateOnly(year.GetInt32(), 1, 1).DayNumber : null;

    private static List<JsonElement> Hits(JsonElement json) => [.. json.GetProperty("hits").EnumerateArray()];

    private static void AssertOrdered(List<JsonElement> hits, bool descending)
    {
        var days = hits.Select(Day).ToList();
        for (int i = 1; i < days.Count; i++)
        {
            Assert.False(days[i - 1] is null && days[i] is not null, $"an undated hit before a dated one at {i}");
            if (days[i - 1] is { } a && days[i] is { } b)
                Assert.True(descending ? a >= b : a <= b, $"hit {i - 1} (day {a}) before hit {i} (day {b})");
        }
    }

    [Theory]
    [InlineData("document")]
    [InlineData("section")]
    public async Task Sort_by_date_orders_the_hits_and_pages_continue_that_order(string group)
    {
        var newest = Hits(await _client.GetJson($"/api/search?q={Q("发展")}&sort=date_desc&group={group}&size=100"));
        var oldest = Hits(await _client.GetJson($"/api/search?q={Q("发展")}&sort=date_asc&group={group}&size=100"));
        AssertOrdered(newest, descending: true);
        AssertOrdered(oldest, descending: false);
        Assert.NotEqual(Day(newest[0]), Day(oldest[0]));

        var firstFour = Hits(await _client.GetJson($"/api/search?q={Q("发展")}&sort=date_desc&group={group}&size=4"));
        var page2 = Hits(await _client.GetJson($"/api/search?q={Q("发展")}&sort=date_desc&group={group}&size=2&page=2"));
        Assert.Equal(firstFour.Skip(2).Select(h => (h.GetProperty("documentId").GetString(), h.GetProperty("sectionId").GetInt32())),
            page2.Select(h => (h.GetProperty("documentId").GetString(), h.GetProperty("sectionId").GetInt32())));
    }

    [Fact]
    public async Task Browsing_by_a_filter_alone_with_sort_date_desc_lists_the_newest_document_first()
    {
        var hits = Hits(await _client.GetJson($"/api/search?region={Q("湖南省")}&sort=date_desc&size=50"));
        Assert.True(hits.Count >= 3, $"{hits.Count} hits");
        AssertOrdered(hits, descending: true);
        var all = Hits(await _client.GetJson($"/api/search?region={Q("湖南省")}&size=50"));
        Assert.Equal(all.Max(Day), Day(hits[0]));
    }

    [Fact]
    public async Task Expansions_list_the_synonyms_applied_and_expand_false_turns_them_off()
    {
        var expanded = await _client.GetJson($"/api/search?q={Q("氢能")}&group=section&size=100");
        var expansion = Assert.Single(expanded.GetProperty("expansions").EnumerateArray());
        Assert.Equal("氢能", expansion.GetProperty("term").GetString());
        Assert.Contains("氢燃料电池", expansion.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));

        var literal = await _client.GetJson($"/api/search?q={Q("氢能")}&group=section&size=100&expand=false");
        Assert.Empty(literal.GetProperty("expansions").EnumerateArray());
        Assert.True(literal.GetProperty("total").GetInt64() < expanded.GetProperty("total").GetInt64());
        Assert.All(Hits(literal), h => Assert.DoesNotContain("燃料电池</mark>", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_document_view_marks_a_section_that_matched_through_a_synonym_unless_expand_is_false()
    {
        // Given a hit for 氢能 whose section matched only through a synonym (燃料电池)
        var hits = Hits(await _client.GetJson($"/api/search?q={Q("氢能")}&group=section&size=100"));
        var synonymOnly = hits.First(h => h.GetProperty("snippet").GetString() is { } snippet
            && snippet.Contains("燃料电池</mark>", StringComparison.Ordinal) && !snippet.Contains("氢能", StringComparison.Ordinal));
        string id = synonymOnly.GetProperty("documentId").GetString()!;
        int section = synonymOnly.GetProperty("sectionId").GetInt32();

        // When its document is viewed for 氢能, with synonyms and without
        string Highlighted(JsonElement view) => view.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("id").GetInt32() == section).GetProperty("highlighted").GetString()!;
        string expanded = Highlighted(await _client.GetJson($"/api/documents/{Q(id)}?q={Q("氢能")}&section={section}"));
        string literal = Highlighted(await _client.GetJson($"/api/documents/{Q(id)}?q={Q("氢能")}&section={section}&expand=false"));

        // Then the section shows the synonym marked, and not when only the literal word counts
        Assert.Contains("燃料电池</mark>", expanded, StringComparison.Ordinal);
        Assert.DoesNotContain("燃料电池</mark>", literal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_view_marks_a_multi_word_synonym_only_as_a_phrase()
    {
        var view = await _client.GetJson($"/api/documents/000_146095241881ebac?q={Q("十四五")}&count=200");
        var marked = view.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("highlighted").GetString()!).ToList();
        Assert.Contains(marked, h => h.Contains("<mark>第十四个五年规划</mark>", StringComparison.Ordinal));
        Assert.Contains(marked, h => h.Contains("<mark>十四五</mark>", StringComparison.Ordinal));
        Assert.Contains(marked, h => h.Contains("规划", StringComparison.Ordinal) && !h.Contains("<mark>", StringComparison.Ordinal));
        Assert.All(marked, h => Assert.DoesNotContain("<mark>规划</mark>", h, StringComparison.Ordinal));
    }
}
