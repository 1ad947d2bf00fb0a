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
            builder.UseSetting("SearchEngine:MinUploadBytesPerSecond", "20000");
            builder.UseSetting("SearchEngine:UploadGraceSeconds", "2");
            builder.UseSetting("AllowedHosts", "localhost;127.0.0.1");
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

    [Fact]
    public async Task An_upload_whose_body_trickles_in_gets_408_and_nothing_is_kept()
    {
        // Given an upload that announces 200,000 bytes and then sends them at about 100 bytes a second
        const string boundary = "slowboundary";
        string head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"慢.txt\"\r\nContent-Type: text/plain\r\n\r\n";
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_base.Host, _base.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(
            $"POST /api/documents HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {ServerFixture.ApiKey}\r\n" +
            $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: 200000\r\n\r\n{head}"));
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        var reading = stream.ReadAsync(buffer).AsTask();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (!reading.IsCompleted && !deadline.IsCancellationRequested)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes("发展氢能产业。"), deadline.Token);
                await Task.WhenAny(reading, Task.Delay(200, deadline.Token));
            }
        }
        catch (IOException)
        {
            // the server closed the connection while we were still writing: its answer may be in the buffer
        }
        int n = await reading.WaitAsync(TimeSpan.FromSeconds(5));
        answer.Append(Encoding.UTF8.GetString(buffer, 0, n));

        // Then the server answered 408 with a sentence, within a few seconds of the grace period
        Assert.False(deadline.IsCancellationRequested, "the server kept reading the slow body for 20 s");
        Assert.StartsWith("HTTP/1.1 408", answer.ToString(), StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = _base };
        var documents = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("慢"));
        Assert.DoesNotContain("慢.txt", documents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused_with_the_security_headers()
    {
        string answer = await Raw("GET /health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n", TimeSpan.FromSeconds(10));
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy:", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-Content-Type-Options: nosniff", answer, StringComparison.OrdinalIgnoreCase);
    }
}
