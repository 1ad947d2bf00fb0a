using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The built server started the way it is deployed: `dotnet SearchEngine.Web.dll` in the Production environment, from
/// a folder that is not the project's. WebApplicationFactory points the content root at the project folder and so
/// cannot show whether the build output itself carries the page. Loopback only, bounded in time.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-production-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Given_the_production_environment_when_the_dll_starts_then_the_page_and_widget_are_served()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        // The working folder is a temporary one: nothing may come from the project folder.
        using var process = PublishedServer.Start(_folder, Path.Combine(_folder, "index"), $"http://127.0.0.1:{port}");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            await WaitForHealth(client, process);
            foreach (var (path, type) in new[] { ("/", "text/html"), ("/widget.js", "javascript"), ("/app.js", "javascript") })
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} in Production");
                Assert.Contains(type, response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task WaitForHealth(HttpClient client, Process process)
    {
        for (int i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(process.HasExited, "the server exited during start");
            await Task.Delay(100);
        }
        throw new TimeoutException("the server did not start within 30 s");
    }
}
