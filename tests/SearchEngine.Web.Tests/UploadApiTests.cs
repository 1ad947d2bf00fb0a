using System.Net;
using System.Text;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>Uploads racing each other and deletions, hostile bodies and file names, against the app in memory.</summary>
public sealed class UploadApiTests(ServerFixture server) : UploadApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class UploadApiTestsOnLucene(LuceneServerFixture server) : UploadApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class UploadApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Given_100_concurrent_identical_uploads_then_one_creates_the_document_and_the_others_answer_it()
    {
        string text = "关于并发上传测试的通知\n一、总则\n推进并发上传同一文件的测试。";
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Send(UploadRequest.Create("并发上传.txt", text))));
        var statuses = responses.Select(r => r.Status).ToList();
        Assert.True(statuses.All(s => s is HttpStatusCode.Created or HttpStatusCode.OK),
            string.Join(" | ", responses.Where(r => r.Status is not (HttpStatusCode.Created or HttpStatusCode.OK)).Select(r => $"{(int)r.Status} {r.Body}").Distinct()));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        var ids = responses.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()).Distinct().ToList();
        Assert.Single(ids);
        var source = JsonDocument.Parse(responses[0].Body).RootElement.GetProperty("source").GetString()!;
        Assert.True(File.Exists(Path.Combine(server.UploadsFolder, Path.GetFileName(source))), "the document's stored file is missing");
        AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task Given_uploads_and_deletions_of_the_same_file_racing_then_a_live_document_always_has_its_file()
    {
        string text = "关于上传删除竞争测试的通知\n一、总则\n推进上传与删除竞争的测试。";
        string? id = null, source = null;
        for (int round = 0; round < 10; round++)
        {
            var uploads = Enumerable.Range(0, 10).Select(_ => Send(UploadRequest.Create("竞争.txt", text))).ToList();
            var deletes = id is null ? [] : Enumerable.Range(0, 3).Select(_ => Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{id}"))).ToList();
            var all = await Task.WhenAll(uploads.Concat(deletes));
            Assert.All(all, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"{(int)r.Status} {r.Body}"));
            var first = JsonDocument.Parse((await uploads[0]).Body).RootElement;
            (id, source) = (first.GetProperty("id").GetString(), first.GetProperty("source").GetString());
            bool live = (await _client.GetAsync($"/api/documents/{id}")).StatusCode == HttpStatusCode.OK;
            bool stored = File.Exists(Path.Combine(server.UploadsFolder, Path.GetFileName(source!)));
            Assert.True(live == stored, $"round {round}: document live {live}, stored file present {stored}");
        }
        AssertNoTemporaryFiles();
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=xyz", "this is not multipart at all")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\ntorn")]
    [InlineData("multipart/form-data", "--xyz\r\n\r\nno boundary in the content type")]
    [InlineData("multipart/form-data; boundary=xyz", "--xyz\r\nbroken header line without colon\r\n\r\nx\r\n--xyz--\r\n")]
    public async Task Given_a_garbage_multipart_body_then_the_answer_is_a_400_problem_with_a_sentence(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await Send(new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = content });
        Assert.True(response.Status == HttpStatusCode.BadRequest, $"{(int)response.Status} {response.Body}");
        Assert.Contains("multipart form data", JsonDocument.Parse(response.Body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(300, ".docx", ".docx")]
    [InlineData(300, ".txt", ".txt")]
    [InlineData(0, "《》（）【】.txt", ".txt")]
    [InlineData(0, "###.pdf", ".pdf")]
    public async Task Given_a_long_or_symbol_only_file_name_then_the_stored_name_keeps_its_extension(int stemLength, string tail, string extension)
    {
        string name = new string('长', stemLength) + tail;
        byte[] bytes = extension == ".txt" ? Encoding.UTF8.GetBytes($"关于文件名测试{stemLength}的通知\n一、总则\n推进文件名测试。") : [1, 2, 3];
        var response = await Send(UploadRequest.Create(name, bytes));
        // A .docx or .pdf of three bytes is unreadable (422), but it got past the type check: the extension survived.
        Assert.True(response.Status is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity, $"{(int)response.Status} {response.Body}");
        if (response.Status == HttpStatusCode.Created)
        {
            string source = JsonDocument.Parse(response.Body).RootElement.GetProperty("source").GetString()!;
            Assert.EndsWith(extension, source, StringComparison.Ordinal);
            Assert.True(Path.GetFileName(source).Length <= 111, source);
        }
        else
        {
            Assert.DoesNotContain(server.UploadsFolder, response.Body, StringComparison.Ordinal);
        }
        AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task Given_an_unreadable_upload_then_the_reason_names_no_server_path_and_no_file_stays()
    {
        var response = await Send(UploadRequest.Create("坏文件.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.Status);
        Assert.DoesNotContain(server.UploadsFolder, response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(".upload-", response.Body, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(server.UploadsFolder, "*坏文件*"));
        AssertNoTemporaryFiles();
    }

    private void AssertNoTemporaryFiles() =>
        Assert.Empty(Directory.Exists(server.UploadsFolder) ? Directory.EnumerateFiles(server.UploadsFolder, ".upload-*") : []);

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpRequestMessage request)
    {
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
