using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>The API over the Lucene.Net engine: the same endpoints and shapes, chosen by configuration alone.</summary>
public sealed class LuceneApiTests(LuceneServerFixture server) : IClassFixture<LuceneServerFixture>
{
    private readonly HttpClient _client = server.CreateClient();

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task Search_facets_suggest_and_trend_answer_from_the_lucene_index()
    {
        var search = await _client.GetJson("/api/search?q=" + Q("氢能"));
        Assert.True(search.GetProperty("totalDocuments").GetInt64() >= 3);
        Assert.Contains("<mark>", search.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var facets = await _client.GetJson("/api/facets?q=" + Q("氢能"));
        Assert.NotEqual(0, facets.GetProperty("issuer").GetArrayLength());
        var suggest = await _client.GetJson("/api/suggest?q=" + Q("氢"));
        Assert.Contains(suggest.EnumerateArray(), s => s.GetProperty("text").GetString() == "氢能");
        var trend = await _client.GetJson("/api/trend?q=" + Q("氢能"));
        Assert.NotEqual(0, trend.GetArrayLength());
    }

    [Fact]
    public async Task A_document_opens_with_its_sections_and_the_query_marked()
    {
        var hit = (await _client.GetJson("/api/search?q=" + Q("湘政办发〔2021〕47号"))).GetProperty("hits")[0];
        var document = await _client.GetJson($"/api/documents/{hit.GetProperty("documentId").GetString()}?q={Q("氢能")}");
        Assert.Equal(hit.GetProperty("title").GetString(), document.GetProperty("title").GetString());
        Assert.Contains("<mark>氢能</mark>", document.GetRawText(), StringComparison.Ordinal);
        await _client.GetJson("/api/documents/no-such-document", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_uploaded_document_is_searchable_at_once_and_gone_once_deleted()
    {
        // Given a file uploaded with a word no seed holds
        using var upload = UploadRequest.Create("lucene-upload.txt", "关于推进量子点显示产业的通知\n一、总体要求\n加快发展量子点显示产业，培育龙头企业。");
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var created = await _client.SendAsync(upload);
        string body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {body}");
        string id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;

        // Then a search finds it, and after its deletion nothing does
        var found = await _client.GetJson("/api/search?q=" + Q("量子点显示"));
        Assert.Contains(found.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == id);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/" + id);
        delete.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var deleted = await _client.SendAsync(delete);
        Assert.True(deleted.IsSuccessStatusCode, $"{(int)deleted.StatusCode}");
        var gone = await _client.GetJson("/api/search?q=" + Q("量子点显示"));
        Assert.DoesNotContain(gone.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == id);
    }
}
