using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>The original file behind a document: served as a download, sandboxed, only from the configured folders.</summary>
public sealed class OriginalFileTests(ServerFixture server) : OriginalFileContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class OriginalFileTestsOnLucene(LuceneServerFixture server) : OriginalFileContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class OriginalFileContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task A_seed_documents_original_is_a_sandboxed_download_of_the_same_bytes()
    {
        var hit = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("氢能"))).RootElement.GetProperty("hits")[0];
        string id = hit.GetProperty("documentId").GetString()!, source = hit.GetProperty("source").GetString()!;
        using var response = await _client.GetAsync($"/api/documents/{Uri.EscapeDataString(id)}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Path.GetFileName(source), response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("sandbox", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        byte[] expected = await File.ReadAllBytesAsync(Path.Combine(ServerFixture.RepositoryRoot, source));
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_uploaded_html_original_downloads_under_its_own_name_and_cannot_run_here()
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("<html><head><title>关于原文下载的通知</title></head><body><p>关于原文下载的通知</p><script>alert(1)</script><p>一、总体要求</p><p>推进原文下载测试。</p></body></html>"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "原文.html");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var created = await _client.SendAsync(upload);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        using var response = await _client.GetAsync($"/api/documents/{Uri.EscapeDataString(id)}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("原文.html", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        string policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_document_has_no_file()
    {
        using var response = await _client.GetAsync("/api/documents/no-such-document/file");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
