using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// axe-core (Deque's engine, run inside the page by Deque.AxeCore.Playwright) over every view a researcher or
/// staff member reaches, each in the state that shows the most of it: results with facets and chips, a facet
/// opened with 更多, an empty answer with its offers, the year axis and the 对比 table, the document view with its
/// 信息表 and match navigation, 高级检索, 文件管理, embed mode, the widget on a host page, and the phone layout with
/// its 筛选 drawer open. Every rule axe runs by default (WCAG 2 A and AA and its best practices) must pass.
/// </summary>
public sealed class AccessibilityBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Hydrogen = "%E6%B0%A2%E8%83%BD"; // 氢能

    private async Task<IPage> Open(string path, int width = 1280, int height = 900)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    private static async Task Settled(IPage page) =>
        await page.WaitForFunctionAsync("() => !document.querySelector('[aria-busy=true]')");

    /// <summary>Fails with each violation's rule, help text and the elements it found, so the message says what to fix.</summary>
    private static async Task AssertNoViolations(IPage page, string view)
    {
        AxeResult result = await page.RunAxe();
        string report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{string.Join(" ", n.Target)}  {n.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) in {view}:\n{report}");
        Assert.True(result.Passes.Length > 10, $"axe ran few rules in {view}: is the page empty?");
    }

    private async Task<string> FirstDocumentId(string query)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + query)).RootElement;
        return json.GetProperty("hits")[0].GetProperty("documentId").GetString()!;
    }

    [Fact]
    public async Task Results_with_facets_and_chips_have_no_violations()
    {
        var page = await Open($"/?q={Hydrogen}");
        await page.Locator("#results li").First.WaitForAsync();
        await Settled(page);
        await AssertNoViolations(page, "the results");

        // a chosen value gives a chip, and 更多 opens a long facet
        await page.Locator("#facets .facet[data-facet='issuer'] li button.value").First.ClickAsync();
        await page.Locator("#chips button").First.WaitForAsync();
        await Settled(page);
        if (await page.Locator("#facets button.more").CountAsync() > 0)
            await page.Locator("#facets button.more").First.ClickAsync();
        await AssertNoViolations(page, "the results with a filter chosen and 更多 opened");
    }

    [Fact]
    public async Task An_empty_answer_with_its_offers_has_no_violations()
    {
        // a year no document has: the answer offers to remove the filter
        var page = await Open($"/?q={Hydrogen}&year=1990");
        await page.Locator("#zero button:has-text('去掉筛选')").First.WaitForAsync();
        await Settled(page);
        await AssertNoViolations(page, "an empty answer");
    }

    [Fact]
    public async Task The_comparison_table_and_the_year_axis_have_no_violations()
    {
        var page = await Open($"/?q={Hydrogen}");
        await page.Locator("#results li").First.WaitForAsync();
        await page.ClickAsync("#view-trend");
        await page.WaitForSelectorAsync("#trend table");
        await Settled(page);
        await AssertNoViolations(page, "the 对比 view");
    }

    [Fact]
    public async Task The_targets_view_has_no_violations()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("研发经费") + "&view=targets");
        await page.WaitForSelectorAsync("#targets table.targets-compare");
        await Settled(page);
        await AssertNoViolations(page, "the 目标 view");
    }

    [Fact]
    public async Task The_document_view_has_no_violations()
    {
        string id = await FirstDocumentId(Hydrogen);
        var page = await Open($"/?doc={Uri.EscapeDataString(id)}&q={Hydrogen}");
        await page.Locator("#content mark").First.WaitForAsync();
        await Settled(page);
        await AssertNoViolations(page, "the document view");
    }

    [Fact]
    public async Task Advanced_search_and_the_staff_page_have_no_violations()
    {
        var page = await Open($"/?q={Hydrogen}");
        await page.Locator("#results li").First.WaitForAsync();
        await page.ClickAsync("#advanced summary");
        await page.Locator("#advanced-form input[name=all]").WaitForAsync();
        await AssertNoViolations(page, "高级检索");

        var admin = await Open("/admin.html");
        await admin.Locator("form").First.WaitForAsync();
        await AssertNoViolations(admin, "文件管理");
    }

    [Fact]
    public async Task Embed_mode_and_the_widget_on_a_host_page_have_no_violations()
    {
        var embed = await Open($"/?embed=1&q={Hydrogen}");
        await embed.Locator("#results li").First.WaitForAsync();
        await Settled(embed);
        await AssertNoViolations(embed, "embed mode");

        var host = await Open("/example-host.html");
        await host.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-policy-search]')].some(e => e.shadowRoot && e.shadowRoot.querySelector('li'))");
        await AssertNoViolations(host, "the widget on the example host page");
    }

    [Fact]
    public async Task The_phone_layout_and_its_filter_drawer_have_no_violations()
    {
        var page = await Open($"/?q={Hydrogen}", 390, 844);
        await page.Locator("#results li").First.WaitForAsync();
        await Settled(page);
        await AssertNoViolations(page, "the phone layout");
        await page.ClickAsync("#filters-open");
        await page.Locator("#facets .facet").First.WaitForAsync();
        await AssertNoViolations(page, "the phone layout with 筛选 open");
    }
}
