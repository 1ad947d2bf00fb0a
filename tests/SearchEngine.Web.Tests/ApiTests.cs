using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>Every endpoint, its errors and its limits, against the app in memory.</summary>
public sealed class ApiTests(ServerFixture server) : ApiContract<ServerFixture>(server);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class ApiTestsOnLucene(LuceneServerFixture server) : ApiContract<LuceneServerFixture>(server);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class ApiContract<TServer>(TServer server) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Search_returns_the_documented_shape_with_highlighted_snippets()
    {
        var json = await _client.GetJson("/api/search?q=氢能");
        foreach (var field in new[] { "query", "total", "tookMs", "warnings", "hits", "facets" })
            Assert.True(json.TryGetProperty(field, out _), $"missing {field}");
        var hit = json.GetProperty("hits")[0];
        foreach (var field in new[] { "documentId", "sectionId", "title", "issuers", "headingPath", "snippet", "score", "source", "alternateSources", "url", "industries", "units" })
            Assert.True(hit.TryGetProperty(field, out _), $"hit lacks {field}");
        Assert.Contains("<mark>", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("seeds/", hit.GetProperty("source").GetString(), StringComparison.Ordinal);
        foreach (var facet in new[] { "industry", "year", "issuer", "region", "type" })
            Assert.True(json.GetProperty("facets").TryGetProperty(facet, out _), $"facets lack {facet}");
    }

    [Fact]
    public async Task Hits_and_the_document_view_list_the_fields_whose_value_was_inferred()
    {
        // Seed 004 prints no date and no issuer: its year (2026) and region (怀化市) are inferred.
        var json = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("培育好强科创兴产业的动能") + "&size=50");
        var hit = json.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("documentId").GetString()!.StartsWith("004", StringComparison.Ordinal));
        var inferred = hit.GetProperty("inferred").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("year", inferred);
        Assert.Contains("region", inferred);
        var document = await _client.GetJson("/api/documents/" + hit.GetProperty("documentId").GetString());
        Assert.Contains("year", document.GetProperty("inferred").EnumerateArray().Select(e => e.GetString()));
        var printed = (await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("湘政办发〔2021〕47号"))).GetProperty("hits")[0];
        Assert.Empty(printed.GetProperty("inferred").EnumerateArray());
    }

    [Fact]
    public async Task Search_says_which_words_were_not_required_when_no_section_holds_them_all()
    {
        var relaxed = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("氢能 燃料电池 qqzzxx"));
        Assert.Equal("partial", relaxed.GetProperty("relaxed").GetProperty("mode").GetString());
        Assert.Equal(["qqzzxx"], relaxed.GetProperty("relaxed").GetProperty("notRequired").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(relaxed.GetProperty("warnings").EnumerateArray(), w => w.GetString() == "'qqzzxx' does not occur in any document.");
        Assert.NotEqual(0, relaxed.GetProperty("hits").GetArrayLength());
        var full = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("氢能 燃料电池"));
        Assert.False(full.TryGetProperty("relaxed", out _), "a query whose words meet in one section is not relaxed");
    }

    [Fact]
    public async Task Search_filters_by_structured_parameters()
    {
        var json = await _client.GetJson("/api/search?q=发展&issuer=中共湖南省委&year=2023&group=section&size=5");
        Assert.All(json.GetProperty("hits").EnumerateArray(), h => Assert.Equal(2023, h.GetProperty("year").GetInt32()));
        Assert.True(json.GetProperty("hits").GetArrayLength() <= 5);
    }

    [Theory]
    [InlineData("/api/search?q=氢能&size=0", "size")]
    [InlineData("/api/search?q=氢能&size=101", "size")]
    [InlineData("/api/search?q=氢能&page=0", "page")]
    [InlineData("/api/search?q=氢能&page=100000", "page")]
    [InlineData("/api/search?q=氢能&group=foo", "group")]
    [InlineData("/api/search?q=氢能&sort=newest", "sort must be 'relevance', 'date_desc' or 'date_asc'")]
    [InlineData("/api/search?q=氢能&expand=maybe", "")]
    [InlineData("/api/search?q=氢能&year=abc", "year")]
    [InlineData("/api/search?q=氢能&size=abc", "")]
    [InlineData("/api/trend", "q is required")]
    [InlineData("/api/suggest?q=氢&size=500", "size")]
    public async Task Bad_parameters_get_a_400_problem_that_says_what_is_wrong(string url, string words)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Contains(words, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // never a stack trace
    }

    [Fact]
    public async Task A_too_long_query_is_refused()
    {
        var json = await _client.GetJson("/api/search?q=" + new string('氢', 501), HttpStatusCode.BadRequest);
        Assert.Contains("limit is 500", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_query_still_answers_with_warnings()
    {
        var json = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("\"氢能 (储能 foo:bar"));
        Assert.True(json.GetProperty("warnings").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Document_view_has_metadata_with_evidence_sections_and_highlights()
    {
        var search = await _client.GetJson("/api/search?q=氢能");
        string id = search.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
        var doc = await _client.GetJson($"/api/documents/{id}?q=氢能");
        Assert.True(doc.GetProperty("metadata").TryGetProperty("title", out var title));
        Assert.True(title.TryGetProperty("evidence", out _));
        var sections = doc.GetProperty("sections").EnumerateArray().ToList();
        Assert.NotEmpty(sections);
        Assert.Contains(sections, s => s.TryGetProperty("highlighted", out var h) && h.GetString()!.Contains("<mark>氢能</mark>", StringComparison.Ordinal));
        await _client.GetJson("/api/documents/no-such-document", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Suggest_facets_trend_and_health_answer()
    {
        var suggestions = await _client.GetJson("/api/suggest?q=" + Uri.EscapeDataString("新能"));
        Assert.Contains(suggestions.EnumerateArray(), s => s.GetProperty("text").GetString() == "新能源汽车");
        var facets = await _client.GetJson("/api/facets");
        Assert.Contains(facets.GetProperty("issuer").EnumerateArray(), v => v.GetProperty("value").GetString() == "湖南省人民政府办公厅");
        var trend = await _client.GetJson("/api/trend?q=" + Uri.EscapeDataString("发展"));
        Assert.Contains(trend.EnumerateArray(), c => c.GetProperty("issuer").GetString() == "中共湖南省委" && c.GetProperty("year").GetInt32() == 2023);
        var health = await _client.GetJson("/health");
        Assert.Equal(4, health.GetProperty("documents").GetInt32());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var json = await _client.GetJson("/openapi/v1.json");
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/search", out _));
    }

    [Fact]
    public async Task Writing_needs_the_api_key_and_never_echoes_it()
    {
        using var content = Upload("氢能测试.txt", "关于测试的通知\n一、总则\n推进氢能产业发展。");
        var missing = await _client.PostAsync("/api/documents", content);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Delete, "/api/documents/000_146095241881ebac");
        wrong.Headers.Add("X-Api-Key", "not-the-key");
        var response = await _client.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(ServerFixture.ApiKey, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_file_is_searchable_when_the_upload_returns_and_gone_after_delete()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
        {
            Content = Upload("../../etc/上传测试.txt", "关于推进独角兽量子雷达产业发展的通知\n湘政发〔2025〕9号\n一、总体要求\n发展独角兽量子雷达产业。"),
        };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var created = await _client.SendAsync(request);
        string body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var result = JsonDocument.Parse(body).RootElement;
        string id = result.GetProperty("id").GetString()!;
        Assert.DoesNotContain("..", result.GetProperty("source").GetString(), StringComparison.Ordinal);

        var search = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("独角兽量子雷达"));
        Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("documentId").GetString() == id);

        string stored = Path.Combine(server.UploadsFolder, Path.GetFileName(result.GetProperty("source").GetString()!));
        Assert.True(File.Exists(stored));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{id}");
        delete.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(delete)).StatusCode);
        Assert.False(File.Exists(stored));
        var after = await _client.GetJson("/api/search?q=" + Uri.EscapeDataString("独角兽量子雷达"));
        Assert.Equal(0, after.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("empty.txt", "", HttpStatusCode.BadRequest)]
    [InlineData("program.exe", "MZ", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("garbage.txt", "\0\u0001\u0002binary", HttpStatusCode.UnprocessableEntity)]
    public async Task Bad_uploads_are_refused_with_a_reason(string name, string text, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = Upload(name, text) };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await _client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = Upload("big.txt", new string('氢', 1_000_000)) };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await _client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Cors_allows_the_configured_intranet_origin_only()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=氢能");
        allowed.Headers.Add("Origin", "https://intranet.example");
        var ok = await _client.SendAsync(allowed);
        Assert.Equal("https://intranet.example", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=氢能");
        other.Headers.Add("Origin", "https://elsewhere.example");
        var refused = await _client.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static MultipartFormDataContent Upload(string name, string text)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        return form;
    }
}
