using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SearchEngine.Web.Tests;

/// <summary>The background build on our engine.</summary>
public sealed class BackgroundBuildTests : BackgroundBuildContract
{
    protected override string Engine => "native";
}

/// <summary>The same build through the same service on the Lucene.Net engine.</summary>
public sealed class BackgroundBuildTestsOnLucene : BackgroundBuildContract
{
    protected override string Engine => "lucene";
}

/// <summary>
/// Given a folder of generated policy files and no index, when the server starts, then it answers at once while
/// it builds the index in the background: /health says <c>building</c> with the build's progress, searches answer
/// from what is committed, an upload during the build is kept, and at the end every document is searchable and
/// /health says <c>ok</c>. The build is held at a chosen file by a <see cref="BuildPacing"/> hook, so what the
/// requests see does not depend on timing.
/// </summary>
public abstract class BackgroundBuildContract : IDisposable
{
    private const int Files = 60;
    private const int HoldAt = 25; // the build stops before indexing this file until the test lets it go
    private const string Common = "星河试验区";

    private readonly string _folder = Directory.CreateTempSubdirectory("se-build-").FullName;
    private readonly ManualResetEventSlim _held = new();
    private readonly ManualResetEventSlim _release = new();

    protected BackgroundBuildContract()
    {
        WriteGeneratedPolicies(Path.Combine(_folder, "sources"), Files);
        File.WriteAllText(Path.Combine(_folder, "sources", "notes.xyz"), "not a policy format"); // read and skipped
    }

    protected abstract string Engine { get; }

    private string IndexFolder => Path.Combine(_folder, "index");

    [Fact]
    public async Task Given_no_index_when_the_server_starts_then_it_answers_during_the_build_and_keeps_an_upload()
    {
        using var server = new BuildingServer(this, hold: true);
        var client = server.CreateClient();
        Assert.True(_held.Wait(IndexBuildWait.Timeout), "the build never reached the held file");

        var health = await client.GetJson("/health");
        Assert.Equal("building", health.GetProperty("status").GetString());
        var build = health.GetProperty("build");
        Assert.Equal("running", build.GetProperty("state").GetString());
        Assert.Equal(Files + 1, build.GetProperty("filesTotal").GetInt32());
        Assert.Equal(HoldAt - 1, build.GetProperty("filesRead").GetInt32());
        // commits every 10 documents, or after 5 s of work on a slow machine: 20 at least, at most every file read
        int indexed = build.GetProperty("documentsIndexed").GetInt32();
        Assert.InRange(indexed, 20, HoldAt - 1);
        Assert.True(build.GetProperty("remainingSeconds").GetDouble() >= 0);
        Assert.True(build.GetProperty("startedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);

        var partial = await client.GetJson("/api/search?q=" + Uri.EscapeDataString(Common));
        Assert.Equal(indexed, partial.GetProperty("totalDocuments").GetInt64());

        using (var upload = UploadRequest.Create("月光港口.txt", "关于建设月光港口的通知\n一、总体要求\n加快月光港口建设。"))
        {
            upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
            var response = await client.SendAsync(upload);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        Assert.Equal(1, (await client.GetJson("/api/search?q=" + Uri.EscapeDataString("月光港口"))).GetProperty("totalDocuments").GetInt64());

        _release.Set();
        var done = await client.WaitForIndexBuild();
        Assert.Equal("ok", done.GetProperty("status").GetString());
        var finished = done.GetProperty("build");
        Assert.Equal("done", finished.GetProperty("state").GetString());
        Assert.Equal(Files + 1, finished.GetProperty("filesRead").GetInt32());
        Assert.Equal(Files, finished.GetProperty("documentsIndexed").GetInt32());
        Assert.Equal(1, finished.GetProperty("failures").GetInt32());
        Assert.False(finished.TryGetProperty("remainingSeconds", out _), "no estimate once the build ended");
        Assert.Equal(Files + 1, done.GetProperty("documents").GetInt32());
        Assert.Equal(Files, (await client.GetJson("/api/search?q=" + Uri.EscapeDataString(Common))).GetProperty("totalDocuments").GetInt64());
        Assert.Equal(1, (await client.GetJson("/api/search?q=" + Uri.EscapeDataString("月光港口"))).GetProperty("totalDocuments").GetInt64());
        Assert.False(File.Exists(Path.Combine(IndexFolder, SearchService.BuildMarker)), "the finished build removes its marker");
    }

    [Fact]
    public async Task Given_a_server_stopped_during_the_build_when_it_starts_again_then_the_build_goes_on_to_the_end()
    {
        using (var first = new BuildingServer(this, hold: true))
        {
            _ = first.CreateClient();
            Assert.True(_held.Wait(IndexBuildWait.Timeout), "the build never reached the held file");
        } // stopped while held: the hook sees the cancellation
        Assert.True(File.Exists(Path.Combine(IndexFolder, SearchService.BuildMarker)), "an unfinished build leaves its marker");

        using var second = new BuildingServer(this, hold: false);
        var client = second.CreateClient();
        var done = await client.WaitForIndexBuild();
        Assert.Equal("ok", done.GetProperty("status").GetString());
        Assert.Equal(Files, done.GetProperty("documents").GetInt32());
        Assert.Equal(Files, (await client.GetJson("/api/search?q=" + Uri.EscapeDataString(Common))).GetProperty("totalDocuments").GetInt64());
    }

    [Fact]
    public async Task Given_a_complete_index_when_the_server_starts_then_it_opens_it_without_a_build()
    {
        using (var first = new BuildingServer(this, hold: false))
            await first.CreateClient().WaitForIndexBuild();
        using var second = new BuildingServer(this, hold: false);
        var health = await second.CreateClient().GetJson("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.False(health.TryGetProperty("build", out _), "no build ran in this process");
        Assert.Equal(Files, health.GetProperty("documents").GetInt32());
    }

    /// <summary>
    /// Policy-like files: a title, a 发文字号 and two 一、 sections of seeded random characters, so no two are near
    /// duplicates (they would be folded into one), each holding <see cref="Common"/> once.
    /// </summary>
    private static void WriteGeneratedPolicies(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(14);
        string Noise(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4e00, 0x4e00 + 3000))]);
        for (int i = 1; i <= count; i++)
        {
            string text = FormattableString.Invariant($"""
                关于第{i}批{Common}项目的通知
                湘政发〔2022〕{i}号
                一、总体要求
                {Noise(200)}。推进{Common}建设。
                二、保障措施
                {Noise(200)}。

                """);
            File.WriteAllText(Path.Combine(folder, FormattableString.Invariant($"gen-{i:000}.txt")), text);
        }
    }

    public void Dispose()
    {
        _release.Set();
        _held.Dispose();
        _release.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A server over the generated sources, committing every 10 documents, optionally held at <see cref="HoldAt"/>.</summary>
    private sealed class BuildingServer(BackgroundBuildContract test, bool hold) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("SearchEngine:Engine", test.Engine);
            builder.UseSetting("SearchEngine:Index", test.IndexFolder);
            builder.UseSetting("SearchEngine:Uploads", Path.Combine(test._folder, "uploads"));
            builder.UseSetting("SearchEngine:Sources:0", Path.Combine(test._folder, "sources"));
            builder.UseSetting("SearchEngine:ApiKey", ServerFixture.ApiKey);
            builder.UseSetting("SearchEngine:RequestsPerMinute", "100000");
            builder.UseSetting("SearchEngine:BuildCommitEvery", "10");
            if (hold)
            {
                builder.ConfigureServices(s => s.AddSingleton(new BuildPacing((read, cancel) =>
                {
                    if (read != HoldAt)
                        return;
                    test._held.Set();
                    test._release.Wait(cancel);
                })));
            }
        }
    }
}
