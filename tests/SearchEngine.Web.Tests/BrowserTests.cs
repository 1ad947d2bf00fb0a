using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>The page, the document view and the widget in a real browser (Debian's Chromium via Playwright).</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> Open(string path, int width = 1280)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = false });

    [Fact]
    public async Task Searching_hydrogen_shows_highlighted_results_and_facet_counts()
    {
        var page = await Open("/");
        await page.FillAsync("#q", "氢能");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#results li mark");
        Assert.Equal("氢能", await page.Locator("#results li mark").First.TextContentAsync());
        Assert.True(await page.Locator("#facets .facet").CountAsync() >= 3);
        Assert.Contains("q=%E6%B0%A2%E8%83%BD", page.Url, StringComparison.Ordinal); // bookmarkable
        await Shot(page, "search");
    }

    [Fact]
    public async Task Clicking_a_facet_narrows_the_results_and_shows_a_removable_chip()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("发展"));
        await page.WaitForSelectorAsync("#results li");
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await page.Locator("#facets .facet", new PageLocatorOptions { HasText = "发文机关" }).Locator("button", new LocatorLocatorOptions { HasText = "中共湖南省委" }).ClickAsync();
        await page.WaitForSelectorAsync("#chips .chip");
        await page.WaitForFunctionAsync("b => document.getElementById('summary').textContent !== b", before);
        Assert.Equal(1, await page.Locator("#results > li").CountAsync());
        Assert.Contains("issuer=", page.Url, StringComparison.Ordinal);
        await Shot(page, "facet");
        await page.Locator("#chips .chip button").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chips .chip').length === 0");
    }

    [Fact]
    public async Task Opening_a_hit_shows_the_document_at_its_section_with_a_table_of_contents()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("北斗"));
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document .toc li");
        Assert.True(await page.Locator("#document section.matched").CountAsync() > 0);
        Assert.True(await page.Locator("#document section.matched mark").CountAsync() > 0);
        var hash = new Uri(page.Url).Fragment;
        Assert.StartsWith("#s", hash, StringComparison.Ordinal);
        Assert.True(await page.Locator(hash).IsVisibleAsync());
        await Shot(page, "document");
    }

    [Fact]
    public async Task A_long_document_opens_at_the_page_of_the_hit_and_loads_other_pages_on_demand()
    {
        // Given a document of 301 sections where only section 251 (item 3.50) mentions 液态阳光
        var text = new System.Text.StringBuilder("关于长文件分页浏览的通知\n");
        for (int a = 1; a <= 3; a++)
        {
            text.Append(a).Append(" 分项工作\n");
            for (int b = 1; b <= 99; b++)
                text.Append(a).Append('.').Append(b).Append(" 具体措施\n").Append(a == 3 && b == 50 ? "本项部署液态阳光示范工程。" : "各地要落实各项措施，按期完成任务。").Append('\n');
        }
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "长文件.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.True((await client.SendAsync(upload)).IsSuccessStatusCode);

        // When the hit is opened, its page (250-299) is shown at the hit, marked; the first page is not loaded
        var page = await Open("/?q=" + Uri.EscapeDataString("液态阳光"));
        await page.WaitForSelectorAsync("#results li a.hit-title");
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document section.matched mark");
        Assert.Equal("#s251", new Uri(page.Url).Fragment);
        Assert.True(await page.Locator("#s251").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("#s2").CountAsync());
        Assert.Equal(301, await page.Locator("#document .toc a").CountAsync() + 1); // every section but the preamble has a heading

        // Then a table-of-contents link outside the loaded pages loads its page, and 更多 the next one
        await page.Locator("#document .toc a[href='#s2']").ClickAsync();
        await page.Locator("#s2").WaitForAsync();
        Assert.True(await page.Locator("#s2").IsVisibleAsync());
        await page.Locator("#document button.more", new PageLocatorOptions { HasText = "更多" }).ClickAsync();
        await page.Locator("#s60").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task Inferred_values_say_so_in_the_results_the_document_view_and_the_widget()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("培育好强科创兴产业的动能"));
        await page.WaitForSelectorAsync("#results li .meta");
        var metas = await page.Locator("#results li .meta").AllTextContentsAsync();
        Assert.Contains(metas, m => m.Contains("2026（推断）", StringComparison.Ordinal));
        var host = await Open("/example-host.html");
        await host.Locator("#widget li a").First.WaitForAsync();
        Assert.Contains("（推断）", await host.Locator("#widget li .meta").First.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_widget_renders_on_a_host_page_with_its_presets_and_isolated_styles()
    {
        var page = await Open("/example-host.html");
        var widget = page.Locator("#widget");
        await widget.Locator("li a").First.WaitForAsync();
        Assert.Contains("怀化", await widget.Locator(".preset").TextContentAsync(), StringComparison.Ordinal);
        string color = await widget.Locator("li a").First.EvaluateAsync<string>("a => getComputedStyle(a).color");
        Assert.NotEqual("rgb(0, 128, 0)", color); // the host page paints its links green; the widget's stay its own
        var frame = page.FrameLocator("#frame");
        await frame.Locator("#results li mark").First.WaitForAsync();
        Assert.False(await frame.Locator("header h1").IsVisibleAsync()); // embed mode hides the page chrome
        await Shot(page, "embedding");
    }

    [Fact]
    public async Task A_relaxed_answer_says_which_words_were_not_required()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("氢能 燃料电池 <b>qqzzxx</b>"));
        await page.WaitForSelectorAsync("#relaxed:not([hidden])");
        string notice = (await page.Locator("#relaxed").TextContentAsync())!;
        Assert.Contains("没有同时包含全部词语的章节；以下结果不要求：", notice, StringComparison.Ordinal);
        Assert.Contains("<b>qqzzxx</b>", notice, StringComparison.Ordinal); // the word as typed, shown as text
        Assert.Equal(0, await page.Locator("#relaxed b").CountAsync());
        Assert.True(await page.Locator("#results li").CountAsync() > 0);

        await page.FillAsync("#q", "氢能 燃料电池");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#relaxed[hidden]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
    }

    [Fact]
    public async Task Markup_in_documents_and_queries_is_shown_as_text_everywhere()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
            "关于页面安全的通知\n一、总则\n演练脚本注入<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">内容。"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", "xss.txt");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
        upload.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.True((await client.SendAsync(upload)).IsSuccessStatusCode);

        var page = await Open("/?q=" + Uri.EscapeDataString("演练脚本注入 <b>x</b>"));
        await page.WaitForSelectorAsync("#results li, #summary");
        page = await Open("/?q=" + Uri.EscapeDataString("演练脚本注入"));
        await page.WaitForSelectorAsync("#results li mark");
        string shown = await page.Locator("#results").InnerTextAsync();
        Assert.True(shown.Contains("<script>", StringComparison.Ordinal), shown);
        Assert.Equal(0, await page.Locator("#results script, #results img").CountAsync());
        await page.Locator("#results li a.hit-title").First.ClickAsync();
        await page.WaitForSelectorAsync("#document section p");
        Assert.Equal(0, await page.Locator("#document script, #document img").CountAsync());

        var host = await Open("/example-host.html");
        await host.EvaluateAsync("() => { const d = document.createElement('div'); d.setAttribute('data-policy-search', ''); d.id = 'xss'; d.dataset.q = '演练脚本注入'; document.body.append(d); }");
        await host.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/widget.js" });
        await host.Locator("#xss li").First.WaitForAsync();
        Assert.Equal(0, await host.Locator("#xss img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Null(await host.EvaluateAsync<int?>("() => window.__xss"));
    }

    [Fact]
    public async Task The_page_works_at_phone_width()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("工业互联网"), width: 390);
        await page.WaitForSelectorAsync("#results li mark");
        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 400, $"the page is {scrollWidth}px wide at a 390px viewport");
        await Shot(page, "phone");
    }
}
