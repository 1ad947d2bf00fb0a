using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Failures on the server's side: an uploads folder that cannot be written, and an unexpected exception. The client
/// gets a ProblemDetails sentence with the security headers, never a server path or a stack trace.
/// </summary>
public sealed class ServerFailureTests(ServerFailureTests.BrokenServer server) : IClassFixture<ServerFailureTests.BrokenServer>
{
    public const string ThrowPath = "/test-only/throw";

    /// <summary>
    /// Its uploads folder lies under a regular file, so it can never be created; and it has a test-only path that
    /// throws, behind all of the app's middleware, like a bug in an endpoint would.
    /// </summary>
    public sealed class BrokenServer : ServerFixture
    {
        private readonly string _blocker = Path.GetTempFileName();

        public string BrokenUploads => Path.Combine(_blocker, "uploads");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:Uploads", BrokenUploads);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ThrowingPath>());
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_blocker);
        }
    }

    private sealed class ThrowingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // After the app's pipeline: reached only when no endpoint matched, inside its exception handler.
            app.Use((context, nextMiddleware) => context.Request.Path == ThrowPath
                ? throw new InvalidOperationException($"bug at {AppContext.BaseDirectory}")
                : nextMiddleware(context));
        };
    }

    [Fact]
    public async Task Given_an_unexpected_exception_then_the_500_is_a_problem_with_the_security_headers()
    {
        var response = await server.CreateClient().GetAsync(ThrowPath);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.DoesNotContain(AppContext.BaseDirectory, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_uploads_folder_that_cannot_be_written_then_the_upload_gets_507_without_a_path()
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("关于存储失败测试的通知\n一、总则\n推进存储失败测试。"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "存储失败.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await server.CreateClient().SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InsufficientStorage, response.StatusCode);
        Assert.Contains("could not be stored", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.BrokenUploads, body, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", body, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        var search = await server.CreateClient().GetStringAsync("/api/search?q=" + Uri.EscapeDataString("存储失败测试"));
        Assert.Equal(0, JsonDocument.Parse(search).RootElement.GetProperty("total").GetInt64());
    }
}
