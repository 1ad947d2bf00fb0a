using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>The staff page's 订阅 section in a real browser: a saved search made, its secret shown once, listed, deleted.</summary>
public sealed class AlertBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Staff_save_a_search_with_a_webhook_see_its_secret_once_and_delete_it()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/admin.html");
        await page.FillAsync("#key", ServerFixture.ApiKey);
        await page.FillAsync("#alert-name", "湖南氢能政策");
        // a whole address pasted from the search page: only its query string is kept
        await page.FillAsync("#alert-search", fixture.BaseUrl + "/?q=" + Uri.EscapeDataString("氢能") + "&region=" + Uri.EscapeDataString("湖南省"));
        await page.FillAsync("#alert-url", "http://127.0.0.1:9/hooks/policy");
        await page.Locator("#alert button[type=submit]").ClickAsync();
        await page.Locator("#alert-result code").WaitForAsync();
        Assert.Equal(64, (await page.Locator("#alert-result code").TextContentAsync())!.Length);
        await page.Locator("#alerts li", new PageLocatorOptions { HasText = "湖南氢能政策" }).WaitForAsync();
        string listed = (await page.Locator("#alerts").TextContentAsync())!;
        Assert.Contains("q=氢能&region=湖南省", Uri.UnescapeDataString(listed), StringComparison.Ordinal);
        Assert.DoesNotContain((await page.Locator("#alert-result code").TextContentAsync())!, listed, StringComparison.Ordinal);

        await page.Locator("#alerts li", new PageLocatorOptions { HasText = "湖南氢能政策" }).Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('alerts').textContent.includes('湖南氢能政策')");
    }
}
