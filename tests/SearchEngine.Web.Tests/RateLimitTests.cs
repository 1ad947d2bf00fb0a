using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>A client over its request budget gets 429s; the page's static files and OpenSearch description are served.</summary>
public sealed class RateLimitTests(RateLimitTests.LimitedServer server) : IClassFixture<RateLimitTests.LimitedServer>
{
    public sealed class LimitedServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:RequestsPerMinute", "5");
        }
    }

    [Fact]
    public async Task A_client_over_its_budget_gets_429()
    {
        var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 8; i++)
            statuses.Add((await client.GetAsync("/api/search?q=氢能")).StatusCode);
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_429_says_when_to_come_back()
    {
        var client = server.CreateClient();
        HttpResponseMessage response;
        do
            response = await client.GetAsync("/health");
        while (response.StatusCode != HttpStatusCode.TooManyRequests);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}

/// <summary>What the limit counts: the API, not the page's own files; and whose address, behind a proxy.</summary>
public sealed class RateLimitScopeTests
{
    public sealed class ProxiedServer : ServerFixture
    {
        public ProxiedServer() => BaseUrl = StartKestrel();

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:RequestsPerMinute", "4");
            builder.UseSetting("SearchEngine:TrustedProxies:0", "127.0.0.1");
        }
    }

    public sealed class DirectServer : ServerFixture
    {
        public DirectServer() => BaseUrl = StartKestrel();

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:RequestsPerMinute", "4");
        }
    }

    private static async Task<HttpStatusCode> Get(HttpClient client, string path, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwardedFor is not null)
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_address_has_its_own_budget_and_static_files_are_free()
    {
        using var server = new ProxiedServer();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var first = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
            first.Add(await Get(client, "/api/search?q=氢能", "10.0.0.1"));
        Assert.Equal(4, first.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);

        // another reader behind the same proxy is not locked out by the first one
        Assert.Equal(HttpStatusCode.OK, await Get(client, "/api/search?q=氢能", "10.0.0.2"));
        // and the page's own files are never counted, even for an address over its budget
        foreach (var path in new[] { "/", "/app.js", "/site.css", "/widget.js", "/", "/app.js" })
            Assert.Equal(HttpStatusCode.OK, await Get(client, path, "10.0.0.1"));

        // the refusal says, in both languages, when to come back
        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/search?q=氢能") { Headers = { { "X-Forwarded-For", "10.0.0.1" } } });
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        string body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("try again in", body, StringComparison.Ordinal);
        Assert.Contains("秒后再试", body, StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_address_is_ignored()
    {
        using var server = new DirectServer();
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
            statuses.Add(await Get(client, "/api/search?q=氢能", $"10.0.1.{i}")); // a client choosing a new address each time
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
    }
}

/// <summary>Host filtering from configuration: with AllowedHosts set, a request for another host name is refused.</summary>
public sealed class AllowedHostTests(AllowedHostTests.NamedServer server) : IClassFixture<AllowedHostTests.NamedServer>
{
    public sealed class NamedServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("AllowedHosts", "search.example;localhost");
        }
    }

    [Theory]
    [InlineData("search.example", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    public async Task Only_the_configured_host_names_are_served(string host, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Host = host;
        Assert.Equal(expected, (await server.CreateClient().SendAsync(request)).StatusCode);
    }
}

public sealed class StaticFileTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/widget.js", "javascript")]
    [InlineData("/opensearch.xml", "xml")]
    [InlineData("/example-host.html", "text/html")]
    [InlineData("/admin.html", "text/html")]
    [InlineData("/admin.js", "javascript")]
    [InlineData("/advanced.js", "javascript")]
    public async Task The_page_widget_and_opensearch_description_are_served(string path, string type)
    {
        var response = await server.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(type, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SecurityHeaderTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Every_response_forbids_inline_script_and_sniffing()
    {
        var response = await server.CreateClient().GetAsync("/");
        string csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://intranet.example", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
