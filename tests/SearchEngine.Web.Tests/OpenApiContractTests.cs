using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) against the server's real answers: every status a request gets is
/// declared for its operation, with its media type, and every JSON body validates against the declared schema,
/// read as strictly as a strict client does (<see cref="OpenApiContract"/>).
/// </summary>
public sealed class OpenApiContractTests(ServerFixture server, OpenApiContractTests.ReadOnlyLimitedServer readOnly)
    : IClassFixture<ServerFixture>, IClassFixture<OpenApiContractTests.ReadOnlyLimitedServer>
{
    /// <summary>No API key (writing disabled: 403) and a budget of a few requests a minute (429).</summary>
    public sealed class ReadOnlyLimitedServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:ApiKey", "");
            builder.UseSetting("SearchEngine:RequestsPerMinute", "3");
        }
    }

    private readonly HttpClient _client = server.CreateClient();

    private async Task<OpenApiContract> Contract() => new(await _client.GetStringAsync("/openapi/v1.json"));

    /// <summary>Sends a request, checks its answer against the contract, and returns the status and body.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> Exchange(
        HttpClient client, OpenApiContract contract, List<string> problems, HttpMethod method, string url, string template,
        HttpContent? content = null, bool key = false, HttpStatusCode? expected = null, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (key)
            request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        prepare?.Invoke(request);
        using var response = await client.SendAsync(request);
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        string body = System.Text.Encoding.UTF8.GetString(bytes);
        if (expected is { } wanted && response.StatusCode != wanted)
            problems.Add($"{method} {url}: expected {(int)wanted}, got {(int)response.StatusCode} {body}");
        problems.AddRange(contract.Check(method.Method, template, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, bytes));
        return (response.StatusCode, body);
    }

    private static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task Given_real_requests_to_every_endpoint_then_each_status_is_declared_and_each_body_matches_its_schema()
    {
        var contract = await Contract();
        var problems = new List<string>();
        Task<(HttpStatusCode Status, string Body)> Get(string url, string template, HttpStatusCode expected = HttpStatusCode.OK) =>
            Exchange(_client, contract, problems, HttpMethod.Get, url, template, expected: expected);
        string E(string s) => Uri.EscapeDataString(s);

        // search: hits, no hits, sort and group, synonyms off, a relaxed answer, browsing without words
        var (_, hits) = await Get("/api/search?q=" + E("氢能"), "/api/search");
        await Get("/api/search?q=qqzzxxyy", "/api/search");
        await Get("/api/search?q=" + E("氢能") + "&sort=date_desc&group=section&expand=false&page=1&size=5&year=2021..2026", "/api/search");
        await Get("/api/search?q=" + E("发展") + "&sort=date_asc&group=document&issuer=" + E("中共湖南省委") + "&year=2023", "/api/search");
        await Get("/api/search?q=" + E("氢能 燃料电池 qqzzxx"), "/api/search");
        await Get("/api/search?sort=date_desc", "/api/search");
        await Get("/api/suggest?q=" + E("新能"), "/api/suggest");
        await Get("/api/facets", "/api/facets");
        await Get("/api/trend?q=" + E("发展"), "/api/trend");
        await Get("/api/targets?q=" + E("研发经费"), "/api/targets");
        await Get("/api/targets?targetYear=2025&in=sentence&size=5&region=" + E("湖南省"), "/api/targets");
        await Get("/health", "/health");

        // the search as an Atom feed, and a poll of it that has not changed (304, no body)
        const string Feed = "/api/search.atom";
        await Get("/api/search.atom?q=" + E("氢能") + "&region=" + E("湖南省") + "&year=2021..&size=5", Feed);
        var etag = (await _client.GetAsync("/api/search.atom?q=" + E("氢能"))).Headers.ETag!;
        await Exchange(_client, contract, problems, HttpMethod.Get, "/api/search.atom?q=" + E("氢能"), Feed, expected: HttpStatusCode.NotModified,
            prepare: r => r.Headers.IfNoneMatch.Add(etag));

        // exports: CSV and .xlsx, cut by a limit, by section and date; the comparison as CSV
        await Get("/api/export?q=" + E("氢能"), "/api/export");
        await Get("/api/export?format=xlsx&q=" + E("发展") + "&group=section&sort=date_desc&limit=5", "/api/export");
        await Get("/api/export?format=csv&region=" + E("湖南省") + "&sort=date_desc&expand=false&limit=2", "/api/export");
        await Get("/api/trend.csv?q=" + E("发展") + "&year=2021..", "/api/trend.csv");

        // the document view with and without q, paged, one section's window, and the original file
        string id = JsonDocument.Parse(hits).RootElement.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
        const string Document = "/api/documents/{id}";
        var (_, view) = await Get($"/api/documents/{id}", Document);
        int withText = JsonDocument.Parse(view).RootElement.GetProperty("sections").EnumerateArray()
            .First(s => s.GetProperty("textLength").GetInt32() > 5).GetProperty("id").GetInt32();
        await Get($"/api/documents/{id}?q=" + E("氢能"), Document);
        await Get($"/api/documents/{id}?q=" + E("氢能") + "&expand=false&from=2&count=3&outline=false", Document);
        await Get($"/api/documents/{id}?section={withText}", Document);
        await Get($"/api/documents/{id}?section={withText}&at=5", Document);
        await Get($"/api/documents/{id}/file", "/api/documents/{id}/file");

        // upload (201, then 200 for the same content), delete (204)
        byte[] text = Encoding.UTF8.GetBytes("关于契约测试的通知\n湘政发〔2025〕11号\n一、总体要求\n推进契约测试产业发展。");
        var (_, created) = await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("契约测试.txt", text), key: true, expected: HttpStatusCode.Created);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("契约测试.txt", text), key: true, expected: HttpStatusCode.OK);
        string uploaded = JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
        await Exchange(_client, contract, problems, HttpMethod.Delete, $"/api/documents/{uploaded}", Document, key: true, expected: HttpStatusCode.NoContent);

        // errors: bad parameters (the handler's and the binding's), unknown documents, the key, refused uploads
        await Get("/api/search?q=" + E("氢能") + "&size=abc", "/api/search", HttpStatusCode.BadRequest);
        await Get("/api/search?q=" + E("氢能") + "&size=0", "/api/search", HttpStatusCode.BadRequest);
        await Get("/api/search?sort=newest", "/api/search", HttpStatusCode.BadRequest);
        await Get("/api/suggest?q=x&size=500", "/api/suggest", HttpStatusCode.BadRequest);
        await Get("/api/trend", "/api/trend", HttpStatusCode.BadRequest);
        await Get("/api/targets?in=anywhere", "/api/targets", HttpStatusCode.BadRequest);
        await Get("/api/search.atom?q=" + E("氢能") + "&size=500", Feed, HttpStatusCode.BadRequest);
        await Get("/api/search.atom?year=abc", Feed, HttpStatusCode.BadRequest);
        await Get("/api/export?format=pdf", "/api/export", HttpStatusCode.BadRequest);
        await Get("/api/export?q=" + E("氢能") + "&limit=0", "/api/export", HttpStatusCode.BadRequest);
        await Get("/api/trend.csv", "/api/trend.csv", HttpStatusCode.BadRequest);
        await Get($"/api/documents/{id}?count=0", Document, HttpStatusCode.BadRequest);
        await Get($"/api/documents/{id}?count=abc", Document, HttpStatusCode.BadRequest);
        await Get("/api/documents/no-such-document", Document, HttpStatusCode.NotFound);
        await Get("/api/documents/no-such-document/file", "/api/documents/{id}/file", HttpStatusCode.NotFound);
        await Exchange(_client, contract, problems, HttpMethod.Delete, "/api/documents/no-such-document", Document, key: true, expected: HttpStatusCode.NotFound);
        await Exchange(_client, contract, problems, HttpMethod.Delete, $"/api/documents/{id}", Document, expected: HttpStatusCode.Unauthorized);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("a.txt", text), expected: HttpStatusCode.Unauthorized);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("empty.txt", []), key: true, expected: HttpStatusCode.BadRequest);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("program.exe", "MZ"u8.ToArray()), key: true, expected: HttpStatusCode.UnsupportedMediaType);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("garbage.txt", "\0\u0001\u0002binary"u8.ToArray()), key: true, expected: HttpStatusCode.UnprocessableEntity);
        await Exchange(_client, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("big.txt", new byte[2_200_000]), key: true, expected: HttpStatusCode.RequestEntityTooLarge);

        // saved searches (订阅): created, listed, read, deleted; and refused
        const string Saved = "/api/saved-searches";
        var (_, createdSearch) = await Exchange(_client, contract, problems, HttpMethod.Post, Saved, Saved,
            System.Net.Http.Json.JsonContent.Create(new { name = "契约", search = "q=氢能&region=湖南省", url = "http://127.0.0.1:9/hook" }), key: true, expected: HttpStatusCode.Created);
        string savedId = JsonDocument.Parse(createdSearch).RootElement.GetProperty("id").GetString()!;
        await Exchange(_client, contract, problems, HttpMethod.Get, Saved, Saved, key: true, expected: HttpStatusCode.OK);
        await Exchange(_client, contract, problems, HttpMethod.Get, $"{Saved}/{savedId}", Saved + "/{id}", key: true, expected: HttpStatusCode.OK);
        await Exchange(_client, contract, problems, HttpMethod.Post, Saved, Saved,
            System.Net.Http.Json.JsonContent.Create(new { name = "契约", search = "q=氢能", url = "file:///etc/passwd" }), key: true, expected: HttpStatusCode.BadRequest);
        await Exchange(_client, contract, problems, HttpMethod.Get, Saved, Saved, expected: HttpStatusCode.Unauthorized);
        await Exchange(_client, contract, problems, HttpMethod.Delete, $"{Saved}/{savedId}", Saved + "/{id}", key: true, expected: HttpStatusCode.NoContent);
        await Exchange(_client, contract, problems, HttpMethod.Delete, $"{Saved}/{savedId}", Saved + "/{id}", key: true, expected: HttpStatusCode.NotFound);

        // writing disabled (403) and too many requests (429), on a server without a key and with a small budget
        var limited = readOnly.CreateClient();
        await Exchange(limited, contract, problems, HttpMethod.Post, "/api/documents", "/api/documents", Upload("a.txt", text), key: true, expected: HttpStatusCode.Forbidden);
        HttpStatusCode status;
        int attempts = 0;
        do
            (status, _) = await Exchange(limited, contract, problems, HttpMethod.Get, "/health", "/health");
        while (status != HttpStatusCode.TooManyRequests && ++attempts < 10);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Given_a_body_or_status_the_document_does_not_allow_then_the_contract_check_fails()
    {
        var contract = await Contract();
        string hit = """
            {"documentId":"d","sectionId":1,"title":"t","issuers":[],"industries":[],"units":[],"headingPath":[],"snippet":"s",
             "score":1.5,"source":"seeds/a.txt","alternateSources":[],"otherSections":[],"url":"?doc=d","inferred":[]}
            """;
        Assert.Empty(contract.ValidateComponent("Hit", hit)); // the nullable fields (date, year, region …) may be absent
        Assert.NotEmpty(contract.ValidateComponent("Hit", hit.Replace("\"snippet\":\"s\",", "", StringComparison.Ordinal))); // a required field absent
        Assert.NotEmpty(contract.ValidateComponent("Hit", hit.Replace("{", "{\"rank\":1,", StringComparison.Ordinal))); // a field the schema does not list
        Assert.NotEmpty(contract.ValidateComponent("Hit", hit.Replace("\"sectionId\":1", "\"sectionId\":true", StringComparison.Ordinal))); // a wrong type
        Assert.NotEmpty(contract.ValidateComponent("HealthStatus", """{"status":"ok","documents":4,"sections":151,"generation":1}"""));
        Assert.NotEmpty(contract.Check("GET", "/api/search", 418, "application/problem+json", """{"status":418}""")); // a status not declared
        Assert.NotEmpty(contract.Check("GET", "/api/search", 200, "text/html", "<p>")); // a media type not declared
        Assert.NotEmpty(contract.Check("GET", "/api/search", 200, "application/json", """{"query":"q"}""")); // the response's required fields absent
        Assert.NotEmpty(contract.Check("GET", "/api/nowhere", 200, "application/json", "{}")); // an operation not declared
        Assert.NotEmpty(contract.Check("DELETE", "/api/documents/{id}", 204, "application/json", "{}")); // a body where none is declared
        Assert.NotEmpty(contract.Check("GET", "/api/search.atom", 200, "application/atom+xml", "<feed><entry></feed>")); // XML that is not well-formed
        Assert.Empty(contract.Check("GET", "/api/search.atom", 200, "application/atom+xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"));
        Assert.NotEmpty(contract.Check("GET", "/api/search.atom", 200, "application/json", "{}")); // a feed in a media type not declared
        Assert.NotEmpty(contract.Check("GET", "/api/export", 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a zip"));
        Assert.NotEmpty(contract.Check("GET", "/api/export", 200, "text/csv", [0xEF, 0xBB, 0xBF, 0xFF, 0xFE])); // not UTF-8
    }

    [Fact]
    public async Task The_document_declares_the_api_key_the_upload_form_the_enums_and_the_limits()
    {
        var document = (await Contract()).Document;
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", (string?)scheme["type"]);
        Assert.Equal("header", (string?)scheme["in"]);
        Assert.Equal("X-Api-Key", (string?)scheme["name"]);
        var paths = document["paths"]!;
        foreach (var (path, method) in new[] { ("/api/documents", "post"), ("/api/documents/{id}", "delete") })
        {
            var operation = paths[path]![method]!;
            Assert.Contains(operation["security"]!.AsArray(), r => r!.AsObject().ContainsKey("ApiKey"));
            foreach (string status in new[] { "401", "403", "404", "429", "507" }.Where(s => method == "delete" || s != "404"))
                Assert.True(operation["responses"]![status]?["content"]?["application/problem+json"] is not null, $"{method} {path} lacks a {status} problem");
        }
        Assert.Null(paths["/api/search"]!["get"]!["security"]);

        var upload = paths["/api/documents"]!["post"]!;
        Assert.True((bool?)upload["requestBody"]!["required"]);
        var form = upload["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal(["file"], form["required"]!.AsArray().Select(r => (string?)r));
        Assert.Equal("string", (string?)form["properties"]!["file"]!["type"]);
        Assert.Equal("binary", (string?)form["properties"]!["file"]!["format"]);
        foreach (string status in new[] { "400", "408", "413", "415", "422" })
            Assert.NotNull(upload["responses"]![status]?["content"]?["application/problem+json"]);

        JsonNode Parameter(string path, string name) =>
            paths[path]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!;
        Assert.Equal(["document", "section"], Parameter("/api/search", "group")["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["relevance", "date_desc", "date_asc"], Parameter("/api/search", "sort")["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal("boolean", (string?)Parameter("/api/search", "expand")["schema"]!["type"]);
        Assert.Equal((1, 1000), ((int)Parameter("/api/search", "page")["schema"]!["minimum"]!, (int)Parameter("/api/search", "page")["schema"]!["maximum"]!));
        Assert.Equal((1, 100), ((int)Parameter("/api/search", "size")["schema"]!["minimum"]!, (int)Parameter("/api/search", "size")["schema"]!["maximum"]!));
        Assert.Equal(500, (int)Parameter("/api/search", "q")["schema"]!["maxLength"]!);
        Assert.Contains("2021..2024", (string?)Parameter("/api/search", "year")["description"], StringComparison.Ordinal);
        Assert.Equal((1, 200), ((int)Parameter("/api/documents/{id}", "count")["schema"]!["minimum"]!, (int)Parameter("/api/documents/{id}", "count")["schema"]!["maximum"]!));
        foreach (string name in new[] { "q", "from", "count", "section", "at", "outline", "expand" })
            Assert.False(string.IsNullOrEmpty((string?)Parameter("/api/documents/{id}", name)["description"]), $"the document view's {name} has no description");
        Assert.Equal(["csv", "xlsx"], Parameter("/api/export", "format")["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal((1, 5000), ((int)Parameter("/api/export", "limit")["schema"]!["minimum"]!, (int)Parameter("/api/export", "limit")["schema"]!["maximum"]!));
        Assert.Equal((1, 100), ((int)Parameter("/api/search.atom", "size")["schema"]!["minimum"]!, (int)Parameter("/api/search.atom", "size")["schema"]!["maximum"]!));
        Assert.NotNull(paths["/api/export"]!["get"]!["responses"]!["200"]!["content"]!["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
        Assert.NotNull(paths["/api/export"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(paths["/api/search.atom"]!["get"]!["responses"]!["304"]);
        Assert.Equal("#/components/schemas/HealthStatus", (string?)paths["/health"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]);
    }

    [Fact]
    public async Task A_parameter_that_does_not_bind_gets_a_detail_naming_it()
    {
        var response = await _client.GetAsync("/api/search?q=x&size=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("The parameter 'size' must be a whole number; it was 'abc'.", problem.GetProperty("detail").GetString());
    }
}
