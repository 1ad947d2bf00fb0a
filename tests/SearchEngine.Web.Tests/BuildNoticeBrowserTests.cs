using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Given a server whose first build is held part way, when the page opens, then it shows how far the build is
/// (索引正在建立：已读 n / m 个文件，结果可能不全) as plain text, with no accessibility violation; and once the build
/// ends the notice goes away.
/// </summary>
public sealed class BuildNoticeBrowserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-notice-").FullName;
    private readonly ManualResetEventSlim _held = new();
    private readonly ManualResetEventSlim _release = new();

    public void Dispose()
    {
        _release.Set();
        _held.Dispose();
        _release.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Given_a_build_in_progress_when_the_page_opens_then_it_says_how_far_the_build_is()
    {
        GeneratedPolicies.Write(Path.Combine(_folder, "sources"), 30, "星河试验区");
        // A source named like mark-up: the notice shows counts only, but nothing from the server becomes markup.
        File.WriteAllText(Path.Combine(_folder, "sources", "<img src=x onerror=alert(1)>.txt"), "关于测试的通知\n一、总则\n测试。");
        // Held after 14 files: the first 10 documents are committed (every 10), so the search finds some.
        using var server = new BuildingServer(_folder, "native", BuildingServer.HoldAt(15, _held, _release));
        string url = server.StartKestrel();
        Assert.True(_held.Wait(IndexBuildWait.Timeout), "the build never reached the held file");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(url + "/?q=" + Uri.EscapeDataString("星河试验区"));
        var notice = page.Locator("#building");
        await notice.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Equal("索引正在建立：已读 14 / 31 个文件，结果可能不全", await notice.TextContentAsync());
        Assert.Equal(0, await notice.Locator("*").CountAsync());
        await page.Locator("#results li").First.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "building.png") });
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        _release.Set();
        await notice.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden, Timeout = 30_000 });
    }
}
