using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>The 责任单位 facet and its filters through the API: unit= keeps the sections naming it, unit_not= drops them.</summary>
public sealed class UnitFacetApiTests(ServerFixture server) : UnitFacetApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class UnitFacetApiTestsOnLucene(LuceneServerFixture server) : UnitFacetApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class UnitFacetApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private async Task<JsonElement> Get(string url) =>
        JsonDocument.Parse(await server.CreateClient().GetStringAsync(url)).RootElement.Clone();

    [Fact]
    public async Task A_unit_from_the_facet_filters_the_sections_that_name_it()
    {
        var all = await Get("/api/search?q=" + Uri.EscapeDataString("发展") + "&group=section&size=100");
        var unit = all.GetProperty("facets").GetProperty("unit").EnumerateArray().First();
        string name = unit.GetProperty("value").GetString()!;

        var kept = await Get("/api/search?q=" + Uri.EscapeDataString("发展") + "&group=section&size=100&unit=" + Uri.EscapeDataString(name));
        Assert.True(kept.GetProperty("total").GetInt64() > 0);
        Assert.Equal(unit.GetProperty("count").GetInt32(), kept.GetProperty("totalDocuments").GetInt32());
        Assert.All(kept.GetProperty("hits").EnumerateArray(), h => Assert.Contains(h.GetProperty("units").EnumerateArray(), u => u.GetProperty("name").GetString() == name));

        var dropped = await Get("/api/search?q=" + Uri.EscapeDataString("发展") + "&group=section&size=100&unit_not=" + Uri.EscapeDataString(name));
        Assert.Equal(all.GetProperty("total").GetInt64() - kept.GetProperty("total").GetInt64(), dropped.GetProperty("total").GetInt64());
    }
}
