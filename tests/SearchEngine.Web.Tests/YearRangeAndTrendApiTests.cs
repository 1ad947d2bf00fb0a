using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The year range in every form the API takes, on search, facets and trend, its refusals, and the trend's filters:
/// each count is what the search with the same filters finds. Expectations come from the API's own unfiltered
/// answers over the seeds, never from a list written here.
/// </summary>
public sealed class YearRangeAndTrendApiTests(ServerFixture server) : YearRangeAndTrendApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class YearRangeAndTrendApiTestsOnLucene(LuceneServerFixture server) : YearRangeAndTrendApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class YearRangeAndTrendApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    private static string Q(string q) => "q=" + Uri.EscapeDataString(q);

    /// <summary>Each document hit of a search (grouped by document, one page of 100) with its issuers and year.</summary>
    private async Task<List<(string Id, string[] Issuers, int? Year)>> Documents(string query)
    {
        var json = await _client.GetJson($"/api/search?{query}&group=document&size=100");
        Assert.True(json.GetProperty("totalDocuments").GetInt32() <= 100, "the expectation needs every document on one page");
        return [.. json.GetProperty("hits").EnumerateArray().Select(h => (
            h.GetProperty("documentId").GetString()!,
            h.GetProperty("issuers").EnumerateArray().Select(i => i.GetString()!).ToArray(),
            h.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : (int?)null))];
    }

    [Theory]
    [InlineData("year=2021..2024")]
    [InlineData("year=2024..2021")]
    [InlineData("yearFrom=2021&yearTo=2024")]
    [InlineData("year=2021..&yearTo=2024")]
    [InlineData("year=..2024&yearFrom=2021")]
    [InlineData("year=2021-2024")]
    public async Task Given_a_year_range_in_any_form_when_searching_then_exactly_the_documents_of_those_years_are_found_and_facets_agree(string range)
    {
        // Given the documents 发展 finds without a year filter, those of 2021 to 2024 are expected
        var all = await Documents(Q("发展"));
        var expected = all.Where(d => d.Year is >= 2021 and <= 2024).Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(all.Count, expected.Count); // the seeds have a document outside the range, so the filter is seen to work

        // When the range is given, the search finds exactly them
        var found = await Documents($"{Q("发展")}&{range}");
        Assert.Equal(expected, found.Select(d => d.Id).Order(StringComparer.Ordinal));

        // And /api/facets with the same filters counts what the search's own facets count
        var search = await _client.GetJson($"/api/search?{Q("发展")}&{range}&size=1");
        var facets = await _client.GetJson($"/api/facets?{Q("发展")}&{range}");
        foreach (var name in new[] { "issuer", "year", "industry", "region", "type" })
            Assert.Equal(search.GetProperty("facets").GetProperty(name).GetRawText(), facets.GetProperty(name).GetRawText());
        // the year facet itself is not narrowed by the year filter (multi-select), so every year stays listed
        var allYears = all.Where(d => d.Year is not null).Select(d => d.Year!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        Assert.Equal(allYears, facets.GetProperty("year").EnumerateArray().Select(v => v.GetProperty("value").GetString()!).Order());
    }

    [Fact]
    public async Task Facets_without_parameters_still_count_every_document()
    {
        var facets = await _client.GetJson("/api/facets");
        var health = await _client.GetJson("/health");
        int dated = facets.GetProperty("year").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());
        Assert.True(dated <= health.GetProperty("documents").GetInt32());
        Assert.True(dated > 0);
    }

    [Theory]
    [InlineData("/api/search?q=发展&year=2021&year=2024", "year may be given once, as a year or a range such as 2021..2024; it was given 2 times (2021, 2024).")]
    [InlineData("/api/search?q=发展&year=2021..20x4", "year must be a year or a range such as 2021..2024; it was '2021..20x4'.")]
    [InlineData("/api/search?q=发展&year=2021..2024..2025", "year must be a year or a range")]
    [InlineData("/api/search?q=发展&yearFrom=abc", "yearFrom must be one year between 1900 and 2200; it was 'abc'.")]
    [InlineData("/api/search?q=发展&yearTo=2021..2024", "yearTo must be one year")]
    [InlineData("/api/search?q=发展&year=2021..2022&yearFrom=2024", "The years asked for leave no year: from 2024 to 2022.")]
    [InlineData("/api/trend?q=发展&year=abc", "year must be a year or a range")]
    [InlineData("/api/trend?q=发展&yearFrom=2025&yearTo=2021", "leave no year")]
    [InlineData("/api/trend?q=发展&year=2021&year=2023", "year may be given once")]
    [InlineData("/api/facets?year=1800", "year must be a year or a range")]
    public async Task A_bad_year_or_range_is_a_400_problem_with_a_sentence(string url, string detail)
    {
        var problem = await _client.GetJson(url, HttpStatusCode.BadRequest);
        Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("发展", "")]
    [InlineData("发展", "year=2021..2024")]
    [InlineData("发展", "yearFrom=2023")]
    [InlineData("发展", "issuer=湖南省人民政府办公厅")]
    [InlineData("发展", "industry=氢能")]
    [InlineData("发展", "type=规划&year=2021..2026")]
    [InlineData("发展", "region=湖南省&yearFrom=2021&yearTo=2023")]
    [InlineData("氢能", "expand=false")]
    [InlineData("产业", "industry=人工智能&industry=氢能&year=2022..2024")]
    [InlineData("发展", "issuer_not=湖南省人民政府办公厅")]
    [InlineData("发展", "type_not=规划&year=2021..2026")]
    [InlineData("发展", "industry_not=氢能")]
    [InlineData("发展", "unit_not=人民银行怀化市分行")]
    [InlineData("产业", "industry=人工智能&issuer_not=湖南省人民政府办公厅")]
    public async Task Given_filters_the_trend_counts_exactly_what_the_search_with_those_filters_finds(string q, string filters)
    {
        string query = Q(q) + (filters.Length > 0 ? "&" + filters : "");
        var cells = (await _client.GetJson("/api/trend?" + query)).EnumerateArray()
            .Select(c => (Issuer: c.GetProperty("issuer").GetString()!, Year: c.GetProperty("year").GetInt32(), Documents: c.GetProperty("documents").GetInt32()))
            .ToList();

        // The trend is the search's dated documents counted by issuer and year: no cell more, none less
        var expected = (await Documents(query))
            .Where(d => d.Year is not null)
            .SelectMany(d => d.Issuers.Select(i => (Issuer: i, Year: d.Year!.Value)))
            .GroupBy(k => k)
            .Select(g => (g.Key.Issuer, g.Key.Year, Documents: g.Count()))
            .OrderBy(c => c.Issuer, StringComparer.Ordinal).ThenBy(c => c.Year)
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, cells);

        // And each cell is what the page's link from that cell asks for: the search with that issuer and year as filters
        var parameters = System.Web.HttpUtility.ParseQueryString(filters);
        var chosen = parameters.GetValues("issuer") ?? [];
        string rest = string.Join("&", parameters.AllKeys.Where(k => k is not ("issuer" or "year" or "yearFrom" or "yearTo"))
            .SelectMany(k => parameters.GetValues(k)!.Select(v => $"{k}={Uri.EscapeDataString(v)}")));
        foreach (var cell in cells.Where(c => chosen.Length == 0 || chosen.Contains(c.Issuer)))
        {
            var search = await _client.GetJson($"/api/search?{Q(q)}&{rest}&issuer={Uri.EscapeDataString(cell.Issuer)}&year={cell.Year}&size=1");
            Assert.Equal(cell.Documents, search.GetProperty("totalDocuments").GetInt32());
        }
    }

    [Theory]
    [InlineData("issuer_not")]
    [InlineData("type_not")]
    [InlineData("region_not")]
    public async Task An_exclusion_lowers_the_trend_by_the_documents_the_search_leaves_out(string exclusion)
    {
        static int Total(JsonElement cells) => cells.EnumerateArray().Sum(c => c.GetProperty("documents").GetInt32());
        int whole = Total(await _client.GetJson($"/api/trend?{Q("发展")}"));
        // The values tried are those the search's own facet lists for 发展; a value on undated documents only, or
        // (for units) on some of a document's matching sections only, leaves the trend as it was, so the test
        // looks for one that does not
        var search = await _client.GetJson($"/api/search?{Q("发展")}&size=1");
        string facet = exclusion[..^"_not".Length];
        bool lowered = false;
        foreach (string value in search.GetProperty("facets").GetProperty(facet).EnumerateArray().Select(v => v.GetProperty("value").GetString()!))
        {
            string excluded = $"{exclusion}={Uri.EscapeDataString(value)}";
            var cells = await _client.GetJson($"/api/trend?{Q("发展")}&{excluded}");
            // Each dated document counts once per issuer, in the trend as in the search's hits with the same exclusion
            int expected = (await Documents($"{Q("发展")}&{excluded}")).Where(d => d.Year is not null).Sum(d => d.Issuers.Length);
            Assert.Equal(expected, Total(cells));
            if (exclusion == "issuer_not")
                Assert.DoesNotContain(cells.EnumerateArray(), c => c.GetProperty("issuer").GetString() == value);
            if (Total(cells) < whole)
            {
                lowered = true;
                break;
            }
        }
        Assert.True(lowered, $"no {exclusion} value of the facet lowered the trend for 发展");
    }

    [Fact]
    public async Task A_filter_changes_the_trend_as_it_changes_the_search()
    {
        var whole = (await _client.GetJson("/api/trend?" + Q("发展"))).EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).ToList();
        int newest = whole.Max();
        var older = (await _client.GetJson($"/api/trend?{Q("发展")}&year=..{newest - 1}")).EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).ToList();
        Assert.NotEmpty(older);
        Assert.DoesNotContain(newest, older);
        Assert.True(older.Count < whole.Count);
    }
}
