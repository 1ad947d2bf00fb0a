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
public sealed class DocumentPagingTests(ServerFixture server, ITestOutputHelper output) : DocumentPagingContract<ServerFixture>(server, output);

/// <summary>The same tests over the Lucene.Net engine (<c>SearchEngine:Engine=lucene</c>): the API is the contract, whatever the engine.</summary>
public sealed class DocumentPagingTestsOnLucene(LuceneServerFixture server, ITestOutputHelper output) : DocumentPagingContract<LuceneServerFixture>(server, output);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class DocumentPagingContract<TServer>(TServer server, ITestOutputHelper output) : IClassFixture<TServer>
    where TServer : ServerFixture
{
    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task A_page_has_the_requested_sections_the_total_and_the_whole_outline()
    {
        string id = await UploadGenerated("分页500.txt", parts: 5);
        var doc = await _client.GetJson($"/api/documents/{id}?from=100&count=20");
        int total = doc.GetProperty("total").GetInt32();
        Assert.Equal(501, total);
        Assert.Equal(100, doc.GetProperty("from").GetInt32());
        var outline = doc.GetProperty("outline").EnumerateArray().ToList();
        Assert.Equal(total, outline.Count);
        var sections = doc.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(outline.Skip(100).Take(20).Select(o => o.GetProperty("id").GetInt32()), sections);

        // The defaults: from 0, 50 sections; the last page is short; from = total is an empty page.
        Assert.Equal(50, (await _client.GetJson($"/api/documents/{id}")).GetProperty("sections").GetArrayLength());
        Assert.Equal(11, (await _client.GetJson($"/api/documents/{id}?from=490&count=200")).GetProperty("sections").GetArrayLength());
        Assert.Equal(0, (await _client.GetJson($"/api/documents/{id}?from=501")).GetProperty("sections").GetArrayLength());
    }

    [Fact]
    public async Task The_page_that_holds_a_section_is_on_the_grid_of_count()
    {
        string id = await UploadGenerated("分页定位.txt", parts: 3);
        var doc = await _client.GetJson($"/api/documents/{id}?section=123&count=50");
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
    [InlineData("at=5", "at")]
    [InlineData("section=3&at=-1", "at")]
    [InlineData("section=3&at=99999", "at")]
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
        await _client.GetJson($"/api/documents/{large}{q}"); // warm up: the first request pays for JIT
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

    [Fact]
    public async Task A_very_long_section_comes_in_windows_that_add_up_to_its_whole_text()
    {
        // Given a file of 12,000 paragraphs and no heading: one section of about 400,000 characters
        var text = new StringBuilder("关于氢能产业的长篇说明\n");
        for (int i = 0; i < 12_000; i++)
            text.Append('第').Append(i).Append("段：推进氢能产业协同发展，加快示范应用。\n");
        string id = await Upload("长段落.txt", text.ToString());
        var first = await _client.GetJson($"/api/documents/{id}?q=" + Uri.EscapeDataString("氢能"));
        var longest = first.GetProperty("sections").EnumerateArray().MaxBy(s => s.GetProperty("textLength").GetInt32());
        int length = longest.GetProperty("textLength").GetInt32(), sectionId = longest.GetProperty("id").GetInt32();
        Assert.True(length > 300_000, $"the long section has {length} characters");

        // When the reader asks for window after window
        var windows = new List<string> { longest.GetProperty("text").GetString()! };
        int next = windows[0].Length, requests = 1;
        while (next < length)
        {
            var page = await _client.GetJson($"/api/documents/{id}?q={Uri.EscapeDataString("氢能")}&section={sectionId}&at={next}&outline=false");
            var part = Assert.Single(page.GetProperty("sections").EnumerateArray());
            Assert.Equal(next, part.GetProperty("textFrom").GetInt32());
            string window = part.GetProperty("text").GetString()!;
            Assert.InRange(window.Length, 1, 20_000);
            Assert.Contains("<mark>氢能</mark>", part.GetProperty("highlighted").GetString(), StringComparison.Ordinal);
            windows.Add(window);
            next += window.Length;
            requests++;
        }

        // Then each response held at most 20,000 characters of it, the windows tile the text, and paragraphs are whole
        Assert.InRange(windows[0].Length, 1, 20_000);
        Assert.Equal(length, windows.Sum(w => w.Length));
        Assert.InRange(requests, length / 20_000, (length / 16_000) + 1);
        Assert.All(windows.SkipLast(1), w => Assert.EndsWith("\n", w, StringComparison.Ordinal));
        string whole = string.Concat(windows);
        int last = -1;
        for (int i = 0; i < 12_000; i += 997)
        {
            int at = whole.IndexOf($"第{i}段：", StringComparison.Ordinal);
            Assert.True(at > last, $"paragraph {i} at {at}, after {last}");
            last = at;
        }
    }

    [Fact]
    public async Task A_page_holds_at_most_100000_characters_of_text_and_says_which_sections_have_more()
    {
        // Given 40 sections of about 6,000 characters each (240,000 in all)
        var text = new StringBuilder("关于氢能产业的分章说明\n");
        for (int a = 1; a <= 40; a++)
        {
            text.Append(a).Append(" 分项工作\n");
            for (int i = 0; i < 200; i++)
                text.Append("推进氢能产业协同发展，加快示范应用。\n");
        }
        string id = await Upload("长章节.txt", text.ToString());
        var sections = (await _client.GetJson($"/api/documents/{id}?count=50")).GetProperty("sections").EnumerateArray().ToList();
        Assert.True(sections.Count >= 40);
        int shown = sections.Sum(s => s.GetProperty("text").GetString()!.Length);
        Assert.InRange(shown, 80_000, 100_000);
        var partial = sections.Where(s => s.GetProperty("textFrom").GetInt32() + s.GetProperty("text").GetString()!.Length < s.GetProperty("textLength").GetInt32()).ToList();
        Assert.NotEmpty(partial);
        Assert.All(partial, s => Assert.Equal(0, s.GetProperty("textFrom").GetInt32()));
        // a section without its text in the page has it on its own
        var missing = partial[^1];
        var alone = await _client.GetJson($"/api/documents/{id}?section={missing.GetProperty("id").GetInt32()}&at=0&outline=false");
        Assert.Equal(missing.GetProperty("textLength").GetInt32(), Assert.Single(alone.GetProperty("sections").EnumerateArray()).GetProperty("text").GetString()!.Length);
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
        string id = await Upload(name, text.ToString(), expectSections: 1 + parts * 100);
        return id;
    }

    private async Task<string> Upload(string name, string text, int? expectSections = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"upload {name}: {(int)response.StatusCode} {body}");
        var result = JsonDocument.Parse(body).RootElement;
        if (expectSections is not null)
            Assert.Equal(expectSections, result.GetProperty("sections").GetInt32());
        return result.GetProperty("id").GetString()!;
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
