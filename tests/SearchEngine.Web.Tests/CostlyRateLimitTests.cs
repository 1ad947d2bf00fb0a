using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The costly endpoints (facets, trend, the document view with q) have a stricter budget than the global one;
/// cheap requests (search, the document view without q) are not counted against it.
/// </summary>
public sealed class CostlyRateLimitTests(CostlyRateLimitTests.CostlyLimitedServer server) : IClassFixture<CostlyRateLimitTests.CostlyLimitedServer>
{
    public sealed class CostlyLimitedServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:CostlyRequestsPerMinute", "3");
        }
    }

    [Fact]
    public async Task Costly_requests_beyond_their_lower_limit_get_429_while_cheap_ones_still_answer()
    {
        var client = server.CreateClient();
        string id = "000_146095241881ebac";

        // Facets and trend share a budget of 3.
        var costly = new List<HttpStatusCode>();
        foreach (var url in new[] { "/api/facets", "/api/trend?q=发展", "/api/facets", "/api/trend?q=发展", "/api/facets" })
            costly.Add((await client.GetAsync(url)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], costly);
        var rejected = await client.GetAsync("/api/facets");
        Assert.InRange(rejected.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);

        // Searching and reading a document without a query are cheap: the global limit (100000 here) applies.
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=氢能")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/documents/{id}")).StatusCode);
        }

        // The document view with q has its own budget of 3.
        var highlighted = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
            highlighted.Add((await client.GetAsync($"/api/documents/{id}?q=北斗")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], highlighted);
    }
}
