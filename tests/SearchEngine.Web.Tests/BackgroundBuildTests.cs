using System.Net;
using System.Text.Json;

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
        GeneratedPolicies.Write(Path.Combine(_folder, "sources"), Files, Common);
        File.WriteAllText(Path.Combine(_folder, "sources", "notes.xyz"), "not a policy format"); // read and skipped
    }

    protected abstract string Engine { get; }

    private string IndexFolder => Path.Combine(_folder, "index");

    /// <summary>A server over the generated sources, held at <see cref="HoldAt"/> when asked.</summary>
    private BuildingServer Server(bool hold) => new(_folder, Engine, hold ? BuildingServer.HoldAt(HoldAt, _held, _release) : null);

    [Fact]
    public async Task Given_no_index_when_the_server_starts_then_it_answers_during_the_build_and_keeps_an_upload()
    {
        using var server = Server(hold: true);
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
        using (var first = Server(hold: true))
        {
            _ = first.CreateClient();
            Assert.True(_held.Wait(IndexBuildWait.Timeout), "the build never reached the held file");
        } // stopped while held: the hook sees the cancellation
        Assert.True(File.Exists(Path.Combine(IndexFolder, SearchService.BuildMarker)), "an unfinished build leaves its marker");
        IndexRelease.Wait(IndexFolder);

        using var second = Server(hold: false);
        var client = second.CreateClient();
        var done = await client.WaitForIndexBuild();
        Assert.Equal("ok", done.GetProperty("status").GetString());
        Assert.Equal(Files, done.GetProperty("documents").GetInt32());
        Assert.Equal(Files, (await client.GetJson("/api/search?q=" + Uri.EscapeDataString(Common))).GetProperty("totalDocuments").GetInt64());
    }

    [Fact]
    public async Task Given_a_document_deleted_during_a_build_that_stopped_when_the_build_goes_on_then_it_stays_deleted()
    {
        string deleted;
        using (var first = Server(hold: true))
        {
            var client = first.CreateClient();
            Assert.True(_held.Wait(IndexBuildWait.Timeout), "the build never reached the held file");
            var partial = await client.GetJson("/api/search?q=" + Uri.EscapeDataString(Common));
            deleted = partial.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/" + Uri.EscapeDataString(deleted));
            delete.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        } // stopped while held: the next start reads every source again, the deleted document's file too
        IndexRelease.Wait(IndexFolder);

        using var second = Server(hold: false);
        var again = second.CreateClient();
        var done = await again.WaitForIndexBuild();
        Assert.Equal("ok", done.GetProperty("status").GetString());
        Assert.Equal(Files - 1, done.GetProperty("documents").GetInt32());
        Assert.Equal(Files - 1, done.GetProperty("build").GetProperty("documentsIndexed").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync("/api/documents/" + Uri.EscapeDataString(deleted))).StatusCode);
        Assert.Equal(Files - 1, (await again.GetJson("/api/search?q=" + Uri.EscapeDataString(Common))).GetProperty("totalDocuments").GetInt64());
        Assert.False(File.Exists(Path.Combine(IndexFolder, BuildDeletions.FileName)), "the finished build removes its record of deletions");
    }

    [Fact]
    public async Task Given_a_build_that_fails_when_health_is_asked_then_it_says_degraded_and_why_and_the_next_start_goes_on()
    {
        var failing = new BuildPacing((read, _) =>
        {
            if (read == HoldAt)
                throw new IOException("the disk went away");
        });
        using (var first = new BuildingServer(_folder, Engine, failing))
        {
            var health = await first.CreateClient().WaitForIndexBuild();
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            Assert.Equal("failed", health.GetProperty("build").GetProperty("state").GetString());
            Assert.Equal("the disk went away", health.GetProperty("build").GetProperty("error").GetString());
            Assert.InRange(health.GetProperty("documents").GetInt32(), 20, HoldAt - 1); // what was committed is served
        }
        IndexRelease.Wait(IndexFolder);
        using var second = Server(hold: false);
        var done = await second.CreateClient().WaitForIndexBuild();
        Assert.Equal("ok", done.GetProperty("status").GetString());
        Assert.Equal(Files, done.GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task Given_a_complete_index_when_the_server_starts_then_it_opens_it_without_a_build()
    {
        using (var first = Server(hold: false))
            await first.CreateClient().WaitForIndexBuild();
        IndexRelease.Wait(IndexFolder);
        using var second = Server(hold: false);
        var health = await second.CreateClient().GetJson("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.False(health.TryGetProperty("build", out _), "no build ran in this process");
        Assert.Equal(Files, health.GetProperty("documents").GetInt32());
    }

    public void Dispose()
    {
        _release.Set();
        _held.Dispose();
        _release.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
