using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>An upload over its budget (characters of text, sections) is refused with 422 and a sentence, and leaves nothing behind.</summary>
public sealed class UploadBudgetTests(UploadBudgetTests.BudgetServer server) : IClassFixture<UploadBudgetTests.BudgetServer>
{
    /// <summary>The app with a budget small enough for a test file to go over it.</summary>
    public sealed class BudgetServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:UploadMaxCharacters", "2000");
            builder.UseSetting("SearchEngine:UploadMaxSections", "10");
            builder.UseSetting("SearchEngine:UploadMaxSeconds", "30");
        }
    }

    private readonly HttpClient _client = server.CreateClient();

    [Fact]
    public async Task Given_an_upload_yielding_more_characters_than_the_budget_then_422_with_the_count_and_nothing_kept()
    {
        string text = "关于字符预算上传测试的通知\n" + new string('氢', 2500);
        var (status, body) = await Send(UploadRequest.Create("字符预算.txt", text));

        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{(int)status} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Over the upload budget", problem.GetProperty("title").GetString());
        Assert.Contains("more than the 2,000 allowed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(server.UploadsFolder, body, StringComparison.Ordinal);
        await AssertNothingKept("字符预算");
    }

    [Fact]
    public async Task Given_an_upload_with_more_sections_than_the_budget_then_422_with_the_count_and_nothing_kept()
    {
        var text = new StringBuilder("关于章节预算上传测试的通知\n");
        for (int i = 1; i <= 30; i++)
            text.Append(Core.Text.ChineseNumeral.Format(i)).Append("、第").Append(i).Append("项任务\n推进落实。\n");
        var (status, body) = await Send(UploadRequest.Create("章节预算.txt", text.ToString()));

        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{(int)status} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Over the upload budget", problem.GetProperty("title").GetString());
        Assert.Contains("sections, more than the 10 allowed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingKept("章节预算");
    }

    [Fact]
    public async Task Given_an_upload_within_the_budget_then_it_is_indexed()
    {
        var (status, body) = await Send(UploadRequest.Create("预算之内.txt", "关于预算之内上传测试的通知\n一、总则\n推进预算之内的测试。"));
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {body}");
        // The search that finds nothing of a refused upload finds one that was accepted.
        Assert.True(await Found("预算之内上传测试") > 0);
    }

    /// <summary>No stored or temporary file of the upload, and no document: a search for its title finds nothing.</summary>
    private async Task AssertNothingKept(string title)
    {
        Assert.Empty(Directory.Exists(server.UploadsFolder) ? Directory.EnumerateFiles(server.UploadsFolder, $"*{title}*") : []);
        Assert.Empty(Directory.Exists(server.UploadsFolder) ? Directory.EnumerateFiles(server.UploadsFolder, ".upload-*") : []);
        Assert.Equal(0, await Found(title + "上传测试"));
    }

    private async Task<int> Found(string query) =>
        JsonDocument.Parse(await _client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(query)}")).RootElement.GetProperty("total").GetInt32();

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpRequestMessage request)
    {
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await _client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
