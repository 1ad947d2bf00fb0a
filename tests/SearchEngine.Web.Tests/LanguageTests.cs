using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The API answers in the language the client prefers: Chinese problems and query warnings for Accept-Language zh
/// (the page asks so), English otherwise.
/// </summary>
public sealed class LanguageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body, string? Language)> Get(string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await server.CreateClient().SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Content.Headers.ContentLanguage.FirstOrDefault());
    }

    [Theory]
    [InlineData("/api/documents/no-such-id", "没有编号为“no-such-id”的文件。", "文件不存在")]
    [InlineData("/api/search?q=%E6%B0%A2%E8%83%BD&size=0", "参数 size 应在 1 到 100 之间，收到的是 0。", "请求无效")]
    [InlineData("/api/search?q=%E6%B0%A2%E8%83%BD&size=abc", "参数 size 应是整数，收到的是“abc”。", null)]
    [InlineData("/api/search?q=%E6%B0%A2%E8%83%BD&sort=newest", null, "请求无效")]
    [InlineData("/api/export?q=%E6%B0%A2%E8%83%BD&format=pdf", "参数 format 只能是 csv 或 xlsx，收到的是“pdf”。", "请求无效")]
    [InlineData("/api/export?q=%E6%B0%A2%E8%83%BD&limit=0", "参数 limit 应在 1 到 5000 之间，收到的是 0。", "请求无效")]
    [InlineData("/api/search.atom?q=%E6%B0%A2%E8%83%BD&size=101", "参数 size 应在 1 到 100 之间，收到的是 101。", "请求无效")]
    public async Task A_problem_is_in_chinese_when_the_client_prefers_it(string url, string? detail, string? title)
    {
        var (status, chinese, language) = await Get(url, "zh-CN,zh;q=0.9,en;q=0.8");
        Assert.True((int)status >= 400);
        if (detail is not null)
            Assert.Equal(detail, chinese.GetProperty("detail").GetString());
        else
            Assert.Matches(@"[\u4e00-\u9fff]", chinese.GetProperty("detail").GetString());
        if (title is not null)
            Assert.Equal(title, chinese.GetProperty("title").GetString());
        Assert.Equal("zh-CN", language);

        var (_, english, _) = await Get(url, "en-US,en;q=0.9");
        Assert.DoesNotMatch(@"[\u4e00-\u9fff]{2}", english.GetProperty("detail").GetString()!.Replace("no-such-id", ""));
        var (_, unspecified, _) = await Get(url, null);
        Assert.Equal(english.GetProperty("detail").GetString(), unspecified.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Query_warnings_follow_the_language_too()
    {
        var (_, chinese, _) = await Get("/api/search?q=" + Uri.EscapeDataString("(氢能 qqzzxx"), "zh");
        var warnings = chinese.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains("左括号没有闭合，已在检索式末尾补上。", warnings);
        var (_, english, _) = await Get("/api/search?q=" + Uri.EscapeDataString("(氢能 qqzzxx"), "en");
        Assert.Contains(english.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("A '(' was not closed", StringComparison.Ordinal));
    }
}
