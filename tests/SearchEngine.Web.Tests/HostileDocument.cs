using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>
/// A document written to break every format that carries text out of the server: its title begins with a formula
/// (<c>=SUM(1+1)</c>) and holds markup (<c>&lt;script&gt;</c>), a CDATA end (<c>]]&gt;</c>), a quote and a comma; its
/// text the same, over two lines. Uploaded as Markdown, whose backslash escapes keep the angle brackets literal. The
/// tests find it by <see cref="Word"/>, which no seed contains.
/// </summary>
internal static class HostileDocument
{
    public const string Word = "天马雷达";

    public const string Title = "=SUM(1+1)<script>alert(1)</script>]]>天马\"测试\",通知";

    private const string Markdown = "# =SUM(1+1)\\<script\\>alert(1)\\</script\\>]]>天马\"测试\",通知\n\n## 一、总体要求\n\n" +
        "推进天马雷达,\"引号\"产业发展\\<script\\>alert(1)\\</script\\>]]>。\n\n-天马雷达第二段，@内容。\n";

    /// <summary>Uploads it (again: the same content is one document) and returns its id.</summary>
    public static async Task<string> Upload(HttpClient client)
    {
        using var request = UploadRequest.Create("hostile.md", Markdown);
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, body);
        var document = JsonDocument.Parse(body).RootElement;
        Assert.Equal(Title, document.GetProperty("title").GetString()); // else the test below would not test what it says
        return document.GetProperty("id").GetString()!;
    }
}
