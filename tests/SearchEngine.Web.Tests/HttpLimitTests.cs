using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>HTTP-level abuse against the real server (Kestrel on loopback): huge headers, slow clients, bad UTF-8.</summary>
public sealed class HttpLimitTests : IClassFixture<HttpLimitTests.KestrelServer>
{
    public sealed class KestrelServer : ServerFixture
    {
        public KestrelServer() => BaseUrl = StartKestrel();

        public string BaseUrl { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:RequestHeadersTimeoutSeconds", "2");
        }
    }

    private readonly Uri _base;

    public HttpLimitTests(KestrelServer server) => _base = new Uri(server.BaseUrl);

    private async Task<string> Raw(string request, TimeSpan wait)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_base.Host, _base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[8192];
        using var timeout = new CancellationTokenSource(wait);
        var sb = new StringBuilder();
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                sb.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }
        catch (OperationCanceledException)
        {
            sb.Append("<still open>");
        }
        catch (IOException)
        {
            sb.Append("<reset>");
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Oversized_headers_get_431()
    {
        using var client = new HttpClient { BaseAddress = _base };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Big", new string('a', 64 << 10));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_disconnected_and_others_are_served()
    {
        var slow = Raw("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", TimeSpan.FromSeconds(10));
        using var client = new HttpClient { BaseAddress = _base };
        Assert.True((await client.GetAsync("/health")).IsSuccessStatusCode);
        string answer = await slow;
        Assert.DoesNotContain("<still open>", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/search?q=%FF%FE%E6%B0")]
    [InlineData("/api/search?q=%ED%A0%80")]
    [InlineData("/api/search?q=%00%01%02")]
    [InlineData("/api/documents/%FF%00?q=%C0%AF")]
    public async Task Invalid_utf8_and_control_bytes_in_the_query_string_never_cause_a_server_error(string path)
    {
        string answer = await Raw($"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", TimeSpan.FromSeconds(10));
        Assert.Matches(@"^HTTP/1\.1 (200|400|404) ", answer);
    }
}
