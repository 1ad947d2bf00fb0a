using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Given an index written by an older build (its commit names an older format), when the server starts, then the
/// old index is moved aside, not deleted, and the index is built again from the sources and the uploaded files,
/// so nothing that was searchable before is lost.
/// </summary>
public sealed class IndexUpgradeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-upgrade-").FullName;

    private sealed class Server(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("SearchEngine:Index", Path.Combine(folder, "index"));
            builder.UseSetting("SearchEngine:Uploads", Path.Combine(folder, "uploads"));
            builder.UseSetting("SearchEngine:Sources:0", Path.Combine(ServerFixture.RepositoryRoot, "seeds"));
            builder.UseSetting("SearchEngine:ApiKey", ServerFixture.ApiKey);
        }
    }

    [Fact]
    public async Task An_index_of_an_older_format_is_moved_aside_and_rebuilt_with_the_uploads()
    {
        const string Term = "蓝鲸深海声呐";
        using (var first = new Server(_folder))
        {
            var client = first.CreateClient();
            await client.WaitForIndexBuild();
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent("关于发展蓝鲸深海声呐产业的通知\n一、总体要求\n发展蓝鲸深海声呐产业。"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "file", "声呐.txt");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content };
            request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(request)).StatusCode);
        }

        string index = Path.Combine(_folder, "index");
        IndexRelease.Wait(index);
        string commit = Path.Combine(index, File.ReadAllLines(Path.Combine(index, "CURRENT"))[0]); // its name, then a checksum line
        string text = File.ReadAllText(commit);
        var json = JsonDocument.Parse(text[..text.LastIndexOf("crc32:", StringComparison.Ordinal)]).RootElement; // JSON, then a checksum line
        int format = json.GetProperty("formatVersion").GetInt32();
        File.WriteAllText(commit, File.ReadAllText(commit).Replace($"\"formatVersion\": {format}", $"\"formatVersion\": {format - 1}", StringComparison.Ordinal));

        using var second = new Server(_folder);
        var after = second.CreateClient();
        var health = await after.WaitForIndexBuild();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        var uploaded = JsonDocument.Parse(await after.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(Term))).RootElement;
        Assert.True(uploaded.GetProperty("total").GetInt64() > 0, "the uploaded document is searchable again");
        var seeds = JsonDocument.Parse(await after.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("氢能"))).RootElement;
        Assert.True(seeds.GetProperty("total").GetInt64() > 0, "the seeds are searchable again");
        var aside = Assert.Single(Directory.GetDirectories(_folder, "index.old-*"));
        Assert.True(File.Exists(Path.Combine(aside, "CURRENT")), "the old index is kept, not deleted");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
