using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Replacing a document by uploading its corrected version with <c>replaces=</c>: the new one is indexed and the old
/// one deleted in one write, with its uploaded file; an unknown id is a 404 and the key is required.
/// </summary>
public sealed class UploadReplacementApiTests(ServerFixture server) : UploadReplacementApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class UploadReplacementApiTestsOnLucene(LuceneServerFixture server) : UploadReplacementApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class UploadReplacementApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    private static string Notice(string marker) => $"关于替换上传测试的通知\n一、总则\n推进替换上传的测试 {marker}。";

    [Fact]
    public async Task Given_a_corrected_version_replacing_an_upload_then_search_finds_the_new_text_only_and_the_old_file_is_gone()
    {
        // Given an uploaded document
        var old = Created(await Send(UploadRequest.Create("替换前后.txt", Notice("oldversionmarker"))));
        string oldId = old.GetProperty("id").GetString()!, oldSource = old.GetProperty("source").GetString()!;
        Assert.True(File.Exists(StoredFile(oldSource)));

        // When its corrected version is uploaded with replaces= its id
        var response = await Send(UploadRequest.Create("替换前后.txt", Notice("newversionmarker"), replaces: oldId));
        var replacement = Created(response);
        string newId = replacement.GetProperty("id").GetString()!;

        // Then the answer names the replaced document, which is gone with its file, and the new one is there
        Assert.NotEqual(oldId, newId);
        Assert.Equal(oldSource, replacement.GetProperty("replaced").GetString());
        Assert.Equal(oldId, replacement.GetProperty("replacedId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/documents/{Uri.EscapeDataString(oldId)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/documents/{Uri.EscapeDataString(newId)}")).StatusCode);
        Assert.False(File.Exists(StoredFile(oldSource)), "the replaced upload's file is still stored");
        Assert.True(File.Exists(StoredFile(replacement.GetProperty("source").GetString()!)));

        // And a search finds the new text and not the old
        Assert.Equal([newId], await Found("newversionmarker"));
        Assert.Empty(await Found("oldversionmarker"));
    }

    [Fact]
    public async Task Given_replacements_while_searching_then_every_search_sees_exactly_one_version()
    {
        string id = Created(await Send(UploadRequest.Create("并发替换.txt", Notice("concurrentmarker version0")))).GetProperty("id").GetString()!;
        using var done = new CancellationTokenSource();
        var seen = new List<int>();
        var searching = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var json = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=concurrentmarker&size=5")).RootElement;
                lock (seen)
                    seen.Add(json.GetProperty("totalDocuments").GetInt32());
            }
        });
        for (int version = 1; version <= 8; version++)
            id = (Created(await Send(UploadRequest.Create("并发替换.txt", Notice($"concurrentmarker version{version}"), replaces: id)))).GetProperty("id").GetString()!;
        await done.CancelAsync();
        await searching;
        Assert.NotEmpty(seen);
        Assert.All(seen, n => Assert.Equal(1, n));
        Assert.Equal([id], await Found("concurrentmarker"));
    }

    [Fact]
    public async Task Given_an_id_no_document_has_then_the_answer_is_a_404_problem_and_nothing_is_indexed()
    {
        var response = await Send(UploadRequest.Create("无处替换.txt", Notice("orphanmarker"), replaces: "no-such-document"));
        Assert.True(response.Status == HttpStatusCode.NotFound, $"{(int)response.Status} {response.Body}");
        var problem = JsonDocument.Parse(response.Body).RootElement;
        Assert.Equal("Document not found", problem.GetProperty("title").GetString());
        Assert.Contains("no-such-document", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await Found("orphanmarker"));
        // the folder is made by the first upload kept: when this test runs first it does not exist, which also keeps nothing
        var kept = Directory.Exists(server.UploadsFolder) ? Directory.EnumerateFiles(server.UploadsFolder) : [];
        Assert.DoesNotContain(kept, f => f.Contains("无处替换", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_key_a_replacement_is_refused_and_the_document_stays()
    {
        string id = (Created(await Send(UploadRequest.Create("无钥替换.txt", Notice("keptmarker"))))).GetProperty("id").GetString()!;
        using var response = await _client.SendAsync(UploadRequest.Create("无钥替换.txt", Notice("intrudermarker"), replaces: id));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([id], await Found("keptmarker"));
        Assert.Empty(await Found("intrudermarker"));
    }

    [Fact]
    public async Task The_contract_declares_replaces_and_the_404()
    {
        var upload = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths").GetProperty("/api/documents").GetProperty("post");
        var replaces = upload.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "replaces");
        Assert.Equal("query", replaces.GetProperty("in").GetString());
        Assert.Contains("same write", replaces.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(upload.GetProperty("responses").TryGetProperty("404", out _));
    }

    private string StoredFile(string source) => Path.Combine(server.UploadsFolder, Path.GetFileName(source));

    /// <summary>The ids of the documents a search for the word finds.</summary>
    private async Task<List<string>> Found(string word)
    {
        var json = JsonDocument.Parse(await _client.GetStringAsync("/api/search?size=20&q=" + Uri.EscapeDataString(word))).RootElement;
        return [.. json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetString()!)];
    }

    private static JsonElement Created((HttpStatusCode Status, string Body) response)
    {
        Assert.True(response.Status == HttpStatusCode.Created, $"{(int)response.Status} {response.Body}");
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpRequestMessage request)
    {
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
