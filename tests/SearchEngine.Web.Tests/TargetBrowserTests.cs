using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>The 目标 view and the document view's 规划目标 in a real browser.</summary>
public sealed class TargetBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> Open(string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    [Fact]
    public async Task The_targets_view_compares_an_indicator_by_issuer_and_year_and_opens_the_section_that_sets_it()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("研发经费"));
        await page.WaitForSelectorAsync("#results li");
        await page.ClickAsync("#view-targets");
        await page.WaitForSelectorAsync("#targets table.targets-compare td a");
        Assert.Contains("view=targets", page.Url, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("#view-targets", "aria-pressed"));
        var cells = page.Locator("#targets table.targets-compare td a");
        Assert.True(await cells.CountAsync() >= 2, "fewer than two targets compared");
        Assert.Contains("研发经费", await cells.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("项目标", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#targets .targets-list li strong mark").CountAsync() >= 1, "the indicator's match is not marked");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "targets.png") });

        await cells.First.ClickAsync();
        await page.WaitForSelectorAsync("#document:not([hidden]) .targets-box table");
        Assert.True(await page.Locator("#document .targets-box tbody tr").CountAsync() >= 2, "the document view lists fewer than two targets");
        Assert.Matches(@"#s\d+$", page.Url);
        await page.ClickAsync("#document button:has-text('返回结果')");
        await page.WaitForSelectorAsync("#targets:not([hidden]) table.targets-compare");
    }

    [Fact]
    public async Task A_sentence_is_inserted_as_text_so_markup_in_it_never_runs()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("研发经费") + "&view=targets");
        await page.WaitForSelectorAsync("#targets .targets-list li");
        // every element inside the list is one the page made: links, paragraphs, strong and mark
        var tags = await page.EvalOnSelectorAllAsync<string[]>("#targets *", "nodes => [...new Set(nodes.map(n => n.tagName))]");
        Assert.All(tags, t => Assert.Contains(t, new[] { "TABLE", "CAPTION", "THEAD", "TBODY", "TR", "TH", "TD", "A", "SPAN", "OL", "LI", "P", "STRONG", "MARK" }));
    }
}
