using System.Net;
using System.Web;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// 订阅 and 导出 on the page, in a real browser: the head's feed link and the toolbar's 订阅 / 导出 CSV / 导出 Excel
/// links follow the search on screen (its words, filters, order and grouping) and answer; the 对比 view offers its
/// table as CSV; the widget offers its feed.
/// </summary>
public sealed class FeedAndExportBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string FeedLink = "link[rel=alternate][type='application/atom+xml']";

    private async Task<IPage> Open(string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    /// <summary>An absolute link's path and parsed query.</summary>
    private static (string Path, System.Collections.Specialized.NameValueCollection Query) Parts(string href)
    {
        var uri = new Uri(href);
        return (uri.AbsolutePath, HttpUtility.ParseQueryString(uri.Query));
    }

    private static async Task<string> Href(IPage page, string selector) =>
        await page.EvalOnSelectorAsync<string>(selector, "e => e.href"); // the property: resolved against the page

    [Fact]
    public async Task Given_a_search_with_filters_then_the_feed_and_export_links_carry_its_words_filters_order_and_grouping()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("发展") + "&region=" + Uri.EscapeDataString("湖南省") + "&year=2021..2024&sort=date_desc");
        await page.WaitForSelectorAsync("#results li");
        Assert.True(await page.Locator("#exports").IsVisibleAsync());

        var (feedPath, feed) = Parts(await Href(page, "#feed"));
        Assert.Equal("/api/search.atom", feedPath);
        Assert.Equal(("发展", "湖南省", "2021..2024"), (feed["q"], feed["region"], feed["year"]));
        Assert.Equal("application/atom+xml", await page.GetAttributeAsync("#feed", "type"));
        Assert.Equal(await Href(page, "#feed"), await Href(page, FeedLink)); // the head offers the same feed

        foreach (var (selector, format) in new[] { ("#export-csv", "csv"), ("#export-xlsx", "xlsx") })
        {
            var (path, query) = Parts(await Href(page, selector));
            Assert.Equal("/api/export", path);
            Assert.Equal((format, "发展", "湖南省", "2021..2024", "date_desc", "document"),
                (query["format"], query["q"], query["region"], query["year"], query["sort"], query["group"]));
        }

        // the links answer what they promise
        using var client = new HttpClient();
        using var atom = await client.GetAsync(await Href(page, "#feed"));
        Assert.Equal((HttpStatusCode.OK, "application/atom+xml"), (atom.StatusCode, atom.Content.Headers.ContentType?.MediaType));
        using var csv = await client.GetAsync(await Href(page, "#export-csv"));
        Assert.Equal((HttpStatusCode.OK, "text/csv"), (csv.StatusCode, csv.Content.Headers.ContentType?.MediaType));

        // reached by keyboard like any link
        await page.FocusAsync("#feed");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("export-csv", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task Given_the_search_changes_then_the_head_feed_link_and_the_toolbar_follow_it()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("氢能"));
        await page.WaitForSelectorAsync("#results li");
        Assert.Equal("氢能", Parts(await Href(page, FeedLink)).Query["q"]);

        // a new query
        await page.FillAsync("#q", "北斗");
        await page.PressAsync("#q", "Enter");
        await page.WaitForFunctionAsync($"() => new URL(document.querySelector(\"{FeedLink}\").href).searchParams.get('q') === '北斗'");
        Assert.Contains("北斗", await page.GetAttributeAsync(FeedLink, "title"), StringComparison.Ordinal);
        Assert.Equal("北斗", Parts(await Href(page, "#export-xlsx")).Query["q"]);

        // a facet value chosen, then sections instead of documents
        await page.Locator("#facets .facet[data-facet='issuer'] li button.value").First.ClickAsync();
        await page.WaitForSelectorAsync("#chips .chip");
        string issuer = HttpUtility.ParseQueryString(new Uri(page.Url).Query)["issuer"]!;
        await page.WaitForFunctionAsync($"i => new URL(document.querySelector(\"{FeedLink}\").href).searchParams.get('issuer') === i", issuer);
        Assert.Equal(issuer, Parts(await Href(page, "#export-csv")).Query["issuer"]);
        await page.UncheckAsync("#group");
        await page.WaitForFunctionAsync("() => new URL(document.getElementById('export-csv').href).searchParams.get('group') === 'section'");

        // without words or filters there is no search, and no feed to offer
        await page.GotoAsync(fixture.BaseUrl + "/");
        await page.WaitForFunctionAsync("() => document.getElementById('summary').textContent.length > 0");
        Assert.Equal(0, await page.Locator(FeedLink).CountAsync());
        Assert.False(await page.Locator("#exports").IsVisibleAsync());
    }

    [Fact]
    public async Task Given_the_comparison_then_it_offers_its_table_as_csv_with_the_same_words_and_filters()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("发展") + "&region=" + Uri.EscapeDataString("湖南省") + "&view=trend");
        await page.WaitForSelectorAsync("#trend table");
        Assert.False(await page.Locator("#exports").IsVisibleAsync()); // the results' links are not the table's
        var link = page.Locator("#trend a[type='text/csv']");
        Assert.StartsWith("导出 CSV", await link.TextContentAsync(), StringComparison.Ordinal);
        var (path, query) = Parts(await link.EvaluateAsync<string>("e => e.href"));
        Assert.Equal(("/api/trend.csv", "发展", "湖南省"), (path, query["q"], query["region"]));
        using var client = new HttpClient();
        using var response = await client.GetAsync(await link.EvaluateAsync<string>("e => e.href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Given_the_widget_on_a_host_page_then_it_links_to_the_feed_of_its_query_and_presets()
    {
        var page = await Open("/example-host.html");
        var widget = page.Locator("#widget");
        var feed = widget.Locator("a[type='application/atom+xml']");
        await feed.WaitForAsync();
        var (path, query) = Parts((await feed.GetAttributeAsync("href"))!);
        Assert.Equal("/api/search.atom", path);
        Assert.Equal(("科技", "怀化市", "2021..2026"), (query["q"], query["region"], query["year"]));
    }
}
