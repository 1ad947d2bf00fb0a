using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The document view returns the outline of every section but the text (and highlighting) of one page of them:
/// its cost and its size follow the page, not the document.
/// </summary>
public sealed class DocumentPagingTests(ServerFixture server, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task A_page_has_the_requested_sections_the_total_and_the_whole_outline()
    {
        string id = await UploadGenerated("分页500.txt", parts: 5);
        var doc = await GetJson($"/api/documents/{id}?from=100&count=20");
        int total = doc.GetProperty("total").GetInt32();
        Assert.Equal(501, total);
        Assert.Equal(100, doc.GetProperty("from").GetInt32());
        var outline = doc.GetProperty("outline").EnumerateArray().ToList();
        Assert.Equal(total, outline.Count);
        var sections = doc.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(outline.Skip(100).Take(20).Select(o => o.GetProperty("id").GetInt32()), sections);

        // The defaults: from 0, 50 sections; the last page is short; from = total is an empty page.
        Assert.Equal(50, (await GetJson($"/api/documents/{id}")).GetProperty("sections").GetArrayLength());
        Assert.Equal(11, (await GetJson($"/api/documents/{id}?from=490&count=200")).GetProperty("sections").GetArrayLength());
        Assert.Equal(0, (await GetJson($"/api/documents/{id}?from=501")).GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task The_page_that_holds_a_section_is_on_the_grid_of_count()
    {
        string id = await UploadGenerated("分页定位.txt", parts: 3);
        var doc = await GetJson($"/api/documents/{id}?section=123&count=50");
        Assert.Equal(100, doc.GetProperty("from").GetInt32());
        Assert.Contains(doc.GetProperty("sections").EnumerateArray(), s => s.GetProperty("id").GetInt32() == 123);
    }

    [Theory]
    [InlineData("count=0", "count")]
    [InlineData("count=201", "count")]
    [InlineData("count=-5", "count")]
    [InlineData("from=-1", "from")]
    [InlineData("from=302", "from")]
    [InlineData("section=99999", "section")]
    [InlineData("section=3&from=0", "section")]
    [InlineData("from=abc", "")] // a value that does not bind: the framework's 400 problem
    public async Task Bad_paging_values_are_a_400_problem_saying_which(string query, string named)
    {
        string id = await UploadGenerated("分页错误.txt", parts: 3);
        var response = await _client.GetAsync($"/api/documents/{id}?{query}");
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Highlighting_covers_the_returned_sections_only()
    {
        string id = await UploadGenerated("分页高亮.txt", parts: 3);
        var response = await _client.GetAsync($"/api/documents/{id}?q=" + Uri.EscapeDataString("氢能") + "&from=40&count=7");
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonDocument.Parse(body).RootElement;
        var sections = doc.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(7, sections.Count);
        // Every generated section body mentions 氢能: the 7 returned are marked, and no other mark is in the response.
        Assert.All(sections, s => Assert.Contains("<mark>氢能</mark>", s.GetProperty("highlighted").GetString(), StringComparison.Ordinal));
        int marksInPage = sections.Sum(s => Marks(s.GetProperty("highlighted").GetString()!));
        Assert.Equal(marksInPage, Marks(body));
        Assert.All(doc.GetProperty("outline").EnumerateArray(), o => Assert.False(o.TryGetProperty("highlighted", out _)));
    }

    [Fact]
    public async Task A_page_of_a_5001_section_document_is_quick_and_the_same_size_as_one_of_501_but_for_the_outline()
    {
        string small = await UploadGenerated("小文件.txt", parts: 5);
        string large = await UploadGenerated("大文件.txt", parts: 50);
        string q = "?q=" + Uri.EscapeDataString("氢能 协同");
        await GetJson($"/api/documents/{large}{q}"); // warm up: the first request pays for JIT
        var (smallBody, _) = await Timed($"/api/documents/{small}{q}");
        var (largeBody, elapsed) = await Timed($"/api/documents/{large}{q}");
        var largeDoc = JsonDocument.Parse(largeBody).RootElement;
        Assert.Equal(5001, largeDoc.GetProperty("total").GetInt32());
        string smallSections = JsonDocument.Parse(smallBody).RootElement.GetProperty("sections").GetRawText();
        string largeSections = largeDoc.GetProperty("sections").GetRawText();
        var (smallPage, _) = await Timed($"/api/documents/{small}{q}&from=100&outline=false");
        var (largePage, _) = await Timed($"/api/documents/{large}{q}&from=100&outline=false");
        var (lastPage, pageElapsed) = await Timed($"/api/documents/{large}{q}&from=4950&outline=false");
        output.WriteLine($"5,001 sections: {largeBody.Length:N0} characters in {elapsed.TotalMilliseconds:F0} ms, a further page {largePage.Length:N0}, the last {lastPage.Length:N0} in {pageElapsed.TotalMilliseconds:F0} ms; " +
            $"501 sections: {smallBody.Length:N0}, a further page {smallPage.Length:N0}; the sections part {largeSections.Length:N0} vs {smallSections.Length:N0}");

        // The page (text and highlighting) is the same size whatever the document's length; only the outline
        // (id, level, depth, heading: well under 100 characters a section) grows with it, and further pages leave it out.
        Assert.Equal(smallSections.Length, largeSections.Length);
        Assert.True(largeBody.Length - smallBody.Length < 4500 * 100, $"{largeBody.Length:N0} vs {smallBody.Length:N0} characters");
        Assert.False(JsonDocument.Parse(largePage).RootElement.TryGetProperty("outline", out _));
        Assert.InRange(largePage.Length - smallPage.Length, 0, 1); // the same sections: only the total has one more digit
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the first page took {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(pageElapsed < TimeSpan.FromSeconds(2), $"a further page took {pageElapsed.TotalMilliseconds:F0} ms");
    }

    private const string GeneratedBody = "各地要加强氢能产业协同，落实各项措施，按期完成任务，及时报送工作进展情况，确保政策落地见效。";

    /// <summary>
    /// A decimal-numbered document of parts × 100 sections after its preamble: "1 分项工作" then "1.1 具体措施" …
    /// "1.99 具体措施", each item with the same body; the first sections of any two such documents are the same.
    /// </summary>
    private async Task<string> UploadGenerated(string name, int parts)
    {
        var text = new StringBuilder("关于加快氢能产业发展的若干措施\n");
        for (int a = 1; a <= parts; a++)
        {
            text.Append(a).Append(" 分项工作\n");
            for (int b = 1; b <= 99; b++)
                text.Append(a).Append('.').Append(b).Append(" 具体措施\n").Append(GeneratedBody).Append('\n');
        }
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload {name}: {(int)response.StatusCode} {body}");
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1 + parts * 100, result.GetProperty("sections").GetInt32());
        return result.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> GetJson(string url)
    {
        var response = await _client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private async Task<(string Body, TimeSpan Elapsed)> Timed(string url)
    {
        var clock = Stopwatch.StartNew();
        var response = await _client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (body, clock.Elapsed);
    }

    private static int Marks(string text) => text.Split("<mark>").Length - 1;
}
