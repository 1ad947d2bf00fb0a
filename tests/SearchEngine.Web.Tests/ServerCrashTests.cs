using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The server killed with SIGKILL while it accepts uploads, again and again: after each restart the index opens
/// and every upload that was acknowledged (201) is there and searchable. Loopback only, bounded in rounds.
/// </summary>
public sealed class ServerCrashTests : IDisposable
{
    private const string Key = "crash-test-key";
    private readonly string _folder = Directory.CreateTempSubdirectory("se-server-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Every_acknowledged_upload_survives_kill_9()
    {
        var acknowledged = new List<(string Id, string Term)>();
        var random = new Random(7);
        int next = 0;
        for (int round = 0; round < 4; round++)
        {
            using var server = await Start();
            using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(30) };
            // The first index is built in the background and an upload waits for the build's commit: the kills are
            // meant for the uploads, so they start once it is built (a build killed half way would resume every round).
            await client.WaitForIndexBuild();
            await VerifyAll(client, acknowledged);
            var killAt = Stopwatch.StartNew();
            int killAfterMs = random.Next(300, 1500);
            var uploads = Task.Run(async () =>
            {
                while (true)
                {
                    int n = Interlocked.Increment(ref next);
                    string term = "耐久测试" + Chinese(n);
                    try
                    {
                        var response = await client.SendAsync(UploadRequest($"crash-{n}.txt", $"关于{term}的通知\n一、总则\n推进{term}工作。"));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            string id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
                            lock (acknowledged)
                                acknowledged.Add((id, term));
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return; // the server died mid-request: that upload was never acknowledged
                    }
                }
            });
            await Task.Delay(killAfterMs);
            server.Kill();
            await uploads;
        }
        Assert.True(acknowledged.Count > 5, $"only {acknowledged.Count} uploads were acknowledged");
        using var last = await Start();
        using var check = new HttpClient { BaseAddress = last.Url };
        await VerifyAll(check, acknowledged);
    }

    private static async Task VerifyAll(HttpClient client, List<(string Id, string Term)> acknowledged)
    {
        foreach (var (id, term) in acknowledged)
        {
            var document = await client.GetAsync($"/api/documents/{id}");
            Assert.True(document.StatusCode == HttpStatusCode.OK, $"acknowledged upload {id} is missing after a crash");
            // As a phrase and with a full page: hundreds of uploads share the words 耐久 测试 and numerals, so the one
            // asked for need not rank in the first ten of a plain word search.
            var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?size=100&q=" + Uri.EscapeDataString($"\"{term}\""))).RootElement;
            Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == id);
        }
    }

    private static string Chinese(int n) => string.Concat(n.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => "零一二三四五六七八九"[c - '0']));

    private static HttpRequestMessage UploadRequest(string name, string text)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Api-Key", Key);
        return request;
    }

    private async Task<ServerProcess> Start()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ServerFixture.RepositoryRoot };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "SearchEngine.Web.dll"), "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        start.Environment["SearchEngine__Index"] = Path.Combine(_folder, "index");
        start.Environment["SearchEngine__Uploads"] = Path.Combine(_folder, "uploads");
        start.Environment["SearchEngine__Sources__0"] = Path.Combine(ServerFixture.RepositoryRoot, "seeds");
        start.Environment["SearchEngine__ApiKey"] = Key;
        start.Environment["SearchEngine__RequestsPerMinute"] = "100000";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = server.Url };
        for (int i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException)
            {
            }
            Assert.False(process.HasExited, "the server exited during start");
            await Task.Delay(100);
        }
        throw new TimeoutException("the server did not start within 30 s");
    }

    private sealed class ServerProcess(Process process, Uri url) : IDisposable
    {
        public Uri Url { get; } = url;

        public void Kill()
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }
    }
}
