using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The facet parameters of /api/search and /api/facets: exclusions (issuer_not= …), facetLimit, and the filters the
/// query text applied (queryFilters). Expectations come from the unfiltered answers.
/// </summary>
public sealed class FacetApiTests(ServerFixture server) : FacetApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class FacetApiTestsOnLucene(LuceneServerFixture server) : FacetApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class FacetApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    private static List<(string Value, int Count)> Facet(JsonElement json, string name) =>
        [.. json.GetProperty("facets").GetProperty(name).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32()))];

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Theory]
    [InlineData("issuer", "issuers")]
    [InlineData("region", "region")]
    [InlineData("type", "type")]
    public async Task An_excluded_value_removes_its_documents_and_stays_listed_in_its_facet(string facet, string hitField)
    {
        var all = await _client.GetJson("/api/search?q=" + Q("发展") + "&size=100");
        var (value, count) = Facet(all, facet)[0];
        var json = await _client.GetJson($"/api/search?q={Q("发展")}&size=100&{facet}_not={Q(value)}");
        Assert.Equal(all.GetProperty("totalDocuments").GetInt32() - count, json.GetProperty("totalDocuments").GetInt32());
        foreach (var hit in json.GetProperty("hits").EnumerateArray())
        {
            var field = hit.GetProperty(hitField);
            var values = field.ValueKind == JsonValueKind.Array ? field.EnumerateArray().Select(v => v.GetString()) : [field.GetString()];
            Assert.DoesNotContain(value, values);
        }
        Assert.Contains((value, count), Facet(json, facet));
    }

    [Fact]
    public async Task Industry_not_is_the_complement_of_choosing_the_industry()
    {
        var all = await _client.GetJson("/api/search?q=" + Q("发展") + "&group=section&size=1");
        var (value, _) = Facet(all, "industry")[0];
        var chosen = await _client.GetJson($"/api/search?q={Q("发展")}&group=section&size=1&industry={Q(value)}");
        var excluded = await _client.GetJson($"/api/search?q={Q("发展")}&group=section&size=1&industry_not={Q(value)}");
        Assert.Equal(all.GetProperty("total").GetInt32(), chosen.GetProperty("total").GetInt32() + excluded.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task FacetLimit_bounds_each_list_reports_the_sizes_and_keeps_a_chosen_value()
    {
        var all = await _client.GetJson("/api/search?q=" + Q("发展") + "&facetLimit=1000");
        var industries = Facet(all, "industry");
        Assert.True(industries.Count > 3);
        var limited = await _client.GetJson("/api/search?q=" + Q("发展") + "&facetLimit=3");
        Assert.Equal(industries.Take(3), Facet(limited, "industry"));
        Assert.Equal(industries.Count, limited.GetProperty("facetSizes").GetProperty("industry").GetInt32());

        var last = industries[^1];
        var chosen = await _client.GetJson($"/api/search?q={Q("发展")}&facetLimit=3&industry={Q(last.Value)}");
        Assert.Equal(industries.Take(3).Append(last), Facet(chosen, "industry")); // beyond the limit, after the top ones
        var nothing = await _client.GetJson($"/api/search?q={Q("发展")}&facetLimit=3&region={Q("不存在的地区")}");
        Assert.Contains(("不存在的地区", 0), Facet(nothing, "region")); // matches nothing, still listed
        Assert.Equal(0, nothing.GetProperty("total").GetInt32());

        var facets = await _client.GetJson("/api/facets?facetLimit=2");
        Assert.All(facets.EnumerateObject(), f => Assert.True(f.Value.GetArrayLength() <= 2, f.Name));
    }

    [Theory]
    [InlineData("/api/search?q=x&facetLimit=0")]
    [InlineData("/api/search?q=x&facetLimit=1001")]
    [InlineData("/api/facets?facetLimit=0")]
    public async Task A_facet_limit_out_of_bounds_is_refused(string url)
    {
        var json = await _client.GetJson(url, HttpStatusCode.BadRequest);
        Assert.Contains("facetLimit", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_response_lists_the_filters_the_query_typed_with_their_text()
    {
        var all = await _client.GetJson("/api/search?q=" + Q("发展") + "&size=100");
        var (issuer, count) = Facet(all, "issuer")[0];
        string query = $"发展 -issuer:{issuer} region:湖南省";
        var json = await _client.GetJson("/api/search?q=" + Q(query) + "&size=100");
        var filters = json.GetProperty("queryFilters").EnumerateArray().ToList();
        Assert.Equal(2, filters.Count);
        Assert.Equal(("issuer", issuer, true, $"-issuer:{issuer}"), Read(filters[0]));
        Assert.Equal(("region", "湖南省", false, "region:湖南省"), Read(filters[1]));
        Assert.All(filters, f => Assert.Contains(f.GetProperty("text").GetString()!, query, StringComparison.Ordinal));
        var regionOnly = await _client.GetJson("/api/search?q=" + Q("发展") + "&size=100&region=" + Q("湖南省") + "&issuer_not=" + Q(issuer));
        Assert.Equal(regionOnly.GetProperty("totalDocuments").GetInt32(), json.GetProperty("totalDocuments").GetInt32());
        Assert.True(json.GetProperty("totalDocuments").GetInt32() <= all.GetProperty("totalDocuments").GetInt32() - count);
        Assert.Empty((await _client.GetJson("/api/search?q=" + Q("发展"))).GetProperty("queryFilters").EnumerateArray());

        static (string, string, bool, string) Read(JsonElement f) =>
            (f.GetProperty("facet").GetString()!, f.GetProperty("value").GetString()!, f.GetProperty("excluded").GetBoolean(), f.GetProperty("text").GetString()!);
    }
}
