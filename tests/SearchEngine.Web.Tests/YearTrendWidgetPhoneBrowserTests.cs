using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Issue 12 in a real browser: the year axis and its range, the 对比 table under filters, the widget's paging and
/// its link to the full page, and the phone layout (筛选 drawer, compact header). Expected numbers come from the
/// API over the same server, never from lists written here.
/// </summary>
public sealed partial class YearTrendWidgetPhoneBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Development = Uri.EscapeDataString("发展");

    private async Task<IPage> Open(string path, int width = 1280, int height = 900)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    private static Task<byte[]> Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = false });

    private async Task<JsonElement> Api(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await client.GetAsync(pathAndQuery);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Until the page has drawn the answer to the state in its URL (a render marks #content busy until then).</summary>
    private static async Task Settled(IPage page) => await page.WaitForFunctionAsync("() => !document.getElementById('content').hasAttribute('aria-busy')");

    private static Task<string> ActiveId(IPage page) => page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    /// <summary>The WCAG contrast ratio of two CSS colours rgb(…) (opaque).</summary>
    private static double Contrast(string a, string b)
    {
        static double Luminance(string css)
        {
            var c = RgbPattern().Match(css);
            Assert.True(c.Success, $"not an rgb colour: {css}");
            double Channel(int i)
            {
                double v = int.Parse(c.Groups[i].Value, CultureInfo.InvariantCulture) / 255.0;
                return v <= 0.03928 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(1) + 0.7152 * Channel(2) + 0.0722 * Channel(3);
        }
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    [GeneratedRegex(@"rgba?\((\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex RgbPattern();

    [Fact]
    public async Task The_year_axis_prints_every_year_and_count_and_a_range_chosen_by_keyboard_narrows_the_results_and_the_url()
    {
        // Given the year facet of 发展 from the API: the axis runs from its first year to its last, a column each
        var facet = (await Api($"/api/search?q={Development}&size=1")).GetProperty("facets").GetProperty("year").EnumerateArray()
            .ToDictionary(v => int.Parse(v.GetProperty("value").GetString()!, CultureInfo.InvariantCulture), v => v.GetProperty("count").GetInt32());
        var years = Enumerable.Range(facet.Keys.Min(), facet.Keys.Max() - facet.Keys.Min() + 1).ToList();
        Assert.True(years.Count >= 4, "the seeds span at least four years");
        bool shortLabels = years.Count > 6;

        var page = await Open($"/?q={Development}");
        await page.WaitForSelectorAsync("#results li");
        var axis = page.Locator("#facets .histogram");

        // Then every year is printed under its column and every count above it, visibly, not only in a hover title
        var labels = axis.Locator(".label");
        // (a narrow axis prints two digits; the century stays in the label as hidden text, so the bar's name is the whole year)
        Assert.Equal(years.Select(y => shortLabels ? (y % 100).ToString("00", CultureInfo.InvariantCulture) : y.ToString(CultureInfo.InvariantCulture)),
            await labels.EvaluateAllAsync<string[]>("ls => ls.map(l => [...l.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join(''))"));
        Assert.Equal(years.Select(y => y.ToString(CultureInfo.InvariantCulture)), await labels.AllTextContentsAsync());
        Assert.Equal(years.Select(y => facet.TryGetValue(y, out int n) ? n.ToString(CultureInfo.InvariantCulture) : ""), await axis.Locator(".count").AllTextContentsAsync());
        for (int i = 0; i < years.Count; i++)
            Assert.True(await labels.Nth(i).IsVisibleAsync(), $"the label of {years[i]} is not visible");
        Assert.True(years.Any(y => !facet.ContainsKey(y)), "the seeds leave a year without documents, shown as an empty column");

        // And the bars stand out from the page at 3:1 or more, the labels and counts at 4.5:1 or more
        string background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor") is var bg && bg.StartsWith("rgba(0, 0, 0, 0)", StringComparison.Ordinal) ? "rgb(255, 255, 255)" : bg;
        foreach (string color in await axis.Locator(".bar").EvaluateAllAsync<string[]>("bars => bars.map(b => getComputedStyle(b).backgroundColor)"))
            Assert.True(Contrast(color, background) >= 3, $"bar {color}: {Contrast(color, background):0.00}:1");
        foreach (string color in await axis.Locator(".label, .count").EvaluateAllAsync<string[]>("texts => texts.map(t => getComputedStyle(t).color)"))
            Assert.True(Contrast(color, background) >= 4.5, $"text {color}: {Contrast(color, background):0.00}:1");

        // When the reader tabs from the bars to 从 and picks the axis's second year with the arrow keys, then 到 its second last
        int from = years[1], to = years[^2];
        await axis.Locator("button[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("year-from", await ActiveId(page));
        await page.Keyboard.PressAsync("ArrowDown"); // 不限 -> the first year
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{years[0]}..");
        await Settled(page);
        Assert.Equal("year-from", await ActiveId(page)); // the rebuilt select has the focus back
        await page.Keyboard.PressAsync("ArrowDown");
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{from}..");
        await Settled(page);
        Assert.Equal("year-from", await ActiveId(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("year-to", await ActiveId(page));
        await page.Keyboard.PressAsync("End");
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{from}..{years[^1]}");
        await Settled(page);
        Assert.Equal("year-to", await ActiveId(page));
        await page.Keyboard.PressAsync("ArrowUp");
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{from}..{to}");

        // Then the results are the API's for that range, the chip says the range, and the chosen bars are pressed
        var expected = await Api($"/api/search?q={Development}&year={from}..{to}&group=document&size=10");
        int documents = expected.GetProperty("totalDocuments").GetInt32();
        Assert.True(documents > 0 && documents < facet.Values.Sum(), "the range leaves some documents out");
        await page.WaitForFunctionAsync("n => document.getElementById('summary').textContent.startsWith(`找到 ${n} 个文件`)", documents);
        Assert.Equal(expected.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("documentId").GetString()),
            await page.Locator("#results > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.doc)"));
        Assert.Equal($"年份：{from}–{to}", (await page.Locator("#chips .chip").TextContentAsync())!.TrimEnd('×'));
        var pressed = await axis.Locator("button[aria-pressed=true]").EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.year)");
        Assert.Equal(years.Where(y => y >= from && y <= to && facet.ContainsKey(y)).Select(y => y.ToString(CultureInfo.InvariantCulture)), pressed);
        await Shot(page, "years");

        // And a bar reached with Shift+Tab and the arrow keys takes one year with Enter, Shift+Enter on another extends it
        await Settled(page);
        await page.FocusAsync("#year-from");
        await page.Keyboard.PressAsync("Shift+Tab");
        string? first = await page.EvaluateAsync<string?>("() => document.activeElement.dataset.year");
        Assert.Equal(years.First(y => y >= from && facet.ContainsKey(y)).ToString(CultureInfo.InvariantCulture), first);
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", years[0].ToString(CultureInfo.InvariantCulture));
        await Settled(page);
        Assert.Equal(years[0].ToString(CultureInfo.InvariantCulture), await page.EvaluateAsync<string?>("() => document.activeElement.dataset.year"));
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{years[0]}..{years[^1]}");
    }

    [Fact]
    public async Task Dragging_across_the_year_bars_chooses_the_range_they_span()
    {
        var page = await Open($"/?q={Development}");
        await page.WaitForSelectorAsync("#facets .histogram button.year");
        var bars = page.Locator("#facets .histogram button.year");
        int count = await bars.CountAsync();
        Assert.True(count >= 3);
        var start = (await bars.Nth(0).BoundingBoxAsync())!;
        var end = (await bars.Nth(2).BoundingBoxAsync())!;
        string from = (await bars.Nth(0).GetAttributeAsync("data-year"))!, to = (await bars.Nth(2).GetAttributeAsync("data-year"))!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(start.X + start.Width, start.Y + start.Height / 2, new MouseMoveOptions { Steps = 3 });
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("y => new URLSearchParams(location.search).get('year') === y", $"{from}..{to}");
        var expected = await Api($"/api/search?q={Development}&year={from}..{to}&size=1");
        await page.WaitForFunctionAsync("n => document.getElementById('summary').textContent.startsWith(`找到 ${n} 个文件`)", expected.GetProperty("totalDocuments").GetInt32());
    }

    [Fact]
    public async Task The_comparison_counts_what_the_filtered_search_finds_shows_empty_years_and_links_each_count_to_its_results()
    {
        // Given 发展 narrowed to the years before the newest one: the trend the API gives for those filters
        var unfiltered = (await Api($"/api/trend?q={Development}")).EnumerateArray().Select(c => c.GetProperty("year").GetInt32()).ToList();
        string filter = $"..{unfiltered.Max() - 1}";
        var cells = (await Api($"/api/trend?q={Development}&year={filter}")).EnumerateArray()
            .Select(c => (Issuer: c.GetProperty("issuer").GetString()!, Year: c.GetProperty("year").GetInt32(), Documents: c.GetProperty("documents").GetInt32())).ToList();
        Assert.NotEmpty(cells);
        var years = Enumerable.Range(cells.Min(c => c.Year), cells.Max(c => c.Year) - cells.Min(c => c.Year) + 1).ToList();
        var issuers = cells.Select(c => c.Issuer).Distinct().ToList();

        // When the 对比 view is opened with that filter on
        var page = await Open($"/?q={Development}&year={Uri.EscapeDataString(filter)}");
        await page.WaitForSelectorAsync("#results li");
        await page.ClickAsync("#view-trend");
        await page.WaitForSelectorAsync("#trend table");
        Assert.Contains("view=trend", page.Url, StringComparison.Ordinal);
        Assert.Contains("year=", page.Url, StringComparison.Ordinal);

        // Then the columns are every year from the first to the last, empty where no document matched
        var table = page.Locator("#trend table");
        Assert.Equal(["发文机关", .. years.Select(y => y.ToString(CultureInfo.InvariantCulture))], await table.Locator("thead th[scope=col]").AllTextContentsAsync());
        Assert.Equal(issuers, await table.Locator("tbody th[scope=row]").AllTextContentsAsync());
        Assert.False(string.IsNullOrWhiteSpace(await table.Locator("caption").TextContentAsync()));
        Assert.DoesNotContain(unfiltered.Max().ToString(CultureInfo.InvariantCulture), await table.Locator("thead").TextContentAsync(), StringComparison.Ordinal);
        for (int r = 0; r < issuers.Count; r++)
        {
            var row = table.Locator("tbody tr").Nth(r);
            for (int c = 0; c < years.Count; c++)
            {
                var cell = cells.FirstOrDefault(x => x.Issuer == issuers[r] && x.Year == years[c]);
                var td = row.Locator("td").Nth(c);
                if (cell.Issuer is null)
                {
                    // an empty cell: no link and nothing visible (a 0 for screen readers only)
                    Assert.Equal(0, await td.Locator("a").CountAsync());
                    Assert.Equal("0", await td.EvaluateAsync<string>("td => [...td.childNodes].every(n => n.nodeType === 1 && n.classList.contains('visually-hidden')) ? td.textContent : 'visible: ' + td.textContent"));
                }
                else
                {
                    Assert.Equal(cell.Documents.ToString(CultureInfo.InvariantCulture), await td.Locator("a").EvaluateAsync<string>("a => a.firstChild.textContent"));
                    Assert.Contains($"{issuers[r]}，{years[c]} 年", await td.Locator("a").TextContentAsync(), StringComparison.Ordinal); // the link's name says what it counts
                }
            }
        }
        Assert.True(years.Any(y => !cells.Any(c => c.Year == y)), "the seeds leave a year inside the timeline without documents");
        await Shot(page, "trend");

        // And a count opens the results of the search with that issuer and that year as filters (the others kept)
        var chosen = cells.OrderByDescending(c => c.Documents).First();
        int column = years.IndexOf(chosen.Year), line = issuers.IndexOf(chosen.Issuer);
        await table.Locator("tbody tr").Nth(line).Locator("td").Nth(column).Locator("a").ClickAsync();
        await page.WaitForSelectorAsync("#results li");
        var url = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(chosen.Issuer, url["issuer"]);
        Assert.Equal(chosen.Year.ToString(CultureInfo.InvariantCulture), url["year"]);
        Assert.Null(url["view"]);
        var expected = await Api($"/api/search?q={Development}&issuer={Uri.EscapeDataString(chosen.Issuer)}&year={chosen.Year}&size=1");
        Assert.Equal(chosen.Documents, expected.GetProperty("totalDocuments").GetInt32());
        await page.WaitForFunctionAsync("n => document.getElementById('summary').textContent.startsWith(`找到 ${n} 个文件`)", chosen.Documents);
        Assert.Equal(chosen.Documents, await page.Locator("#results > li").CountAsync());
    }

    [Fact]
    public async Task The_widget_pages_within_itself_and_links_to_the_full_page_with_its_query_and_presets()
    {
        // Given a widget of one hit per page for 发展 in 湖南省, and what the API answers for its pages
        string region = "湖南省";
        var first = await Api($"/api/search?q={Development}&region={Uri.EscapeDataString(region)}&size=1&page=1");
        int total = first.GetProperty("totalDocuments").GetInt32();
        Assert.True(total >= 2, "the seeds give the widget more than one page");
        var titles = new List<string>();
        for (int p = 1; p <= total; p++)
            titles.Add((await Api($"/api/search?q={Development}&region={Uri.EscapeDataString(region)}&size=1&page={p}")).GetProperty("hits")[0].GetProperty("title").GetString()!);

        var page = await Open("/example-host.html");
        await page.EvaluateAsync("r => { const d = document.createElement('div'); d.id = 'paged'; d.setAttribute('data-policy-search', ''); d.dataset.q = '发展'; d.dataset.region = r; d.dataset.size = '1'; document.body.append(d); }", region);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/widget.js" });
        var widget = page.Locator("#paged");
        await widget.Locator("li a").First.WaitForAsync();
        Assert.Equal(titles[0], await widget.Locator("li a").First.TextContentAsync());
        Assert.Contains($"第 1/{total} 页", await widget.Locator("p.meta[aria-live]").TextContentAsync(), StringComparison.Ordinal);
        var previous = widget.Locator("nav button", new LocatorLocatorOptions { HasText = "上一页" });
        var next = widget.Locator("nav button", new LocatorLocatorOptions { HasText = "下一页" });
        Assert.Equal("true", await previous.GetAttributeAsync("aria-disabled"));

        // When 下一页 is pressed (by keyboard) to the last page, each page shows the API's hit for it
        for (int p = 2; p <= total; p++)
        {
            await next.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("t => document.getElementById('paged').shadowRoot.querySelector('li a')?.textContent === t", titles[p - 1]);
        }
        Assert.Equal("true", await next.GetAttributeAsync("aria-disabled"));
        await next.ClickAsync(new LocatorClickOptions { Force = true }); // at the end: nothing happens
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(titles[^1], await widget.Locator("li a").First.TextContentAsync());
        await previous.ClickAsync();
        await page.WaitForFunctionAsync("t => document.getElementById('paged').shadowRoot.querySelector('li a')?.textContent === t", titles[^2]);
        // a hit still links to the server's page with its query
        string hitHref = (await widget.Locator("li a").First.GetAttributeAsync("href"))!;
        Assert.StartsWith(fixture.BaseUrl + "/?", hitHref, StringComparison.Ordinal);
        await Shot(page, "widget-paging");

        // Then the full-page link says how many there are and opens the search page with the query and the presets
        var full = widget.Locator("a", new LocatorLocatorOptions { HasText = "在检索页查看全部" });
        Assert.Equal($"在检索页查看全部 {total} 条", await full.TextContentAsync());
        var link = new Uri((await full.GetAttributeAsync("href"))!);
        Assert.Equal(new Uri(fixture.BaseUrl + "/").AbsoluteUri, link.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("发展", query["q"]);
        Assert.Equal(region, query["region"]);
        var opened = await fixture.Browser.NewPageAsync();
        await opened.GotoAsync(link.AbsoluteUri);
        await opened.WaitForFunctionAsync("n => document.getElementById('summary').textContent.startsWith(`找到 ${n} 个文件`)", total);
        Assert.Contains("地区：" + region, await opened.Locator("#chips").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_phone_width_the_header_is_compact_and_the_facets_open_as_a_drawer_that_keeps_the_focus()
    {
        var page = await Open("/?q=" + Uri.EscapeDataString("工业互联网"), width: 390, height: 844);
        await page.WaitForSelectorAsync("#results li mark");

        // The header takes at most 100 px of the 844, and the facets wait behind 筛选
        var header = (await page.Locator("header.chrome").BoundingBoxAsync())!;
        Assert.True(header.Height <= 100, $"the header is {header.Height}px high");
        Assert.True(await page.Locator("#q").IsVisibleAsync());
        Assert.True(await page.Locator("#view-trend").IsVisibleAsync());
        Assert.False(await page.Locator("#facets").IsVisibleAsync());
        var open = page.Locator("#filters-open");
        Assert.True(await open.IsVisibleAsync());
        Assert.True((await open.BoundingBoxAsync())!.Y < 844, "筛选 is on the first screen");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 400);

        // When 筛选 is pressed by keyboard, a modal dialog holds the facets and the focus moves into it
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var drawer = page.Locator("#filters[role=dialog][aria-modal=true]");
        await drawer.WaitForAsync();
        Assert.True(await page.Locator("#facets").IsVisibleAsync());
        Assert.Equal("true", await open.GetAttributeAsync("aria-expanded"));
        Assert.Equal("filters-close", await ActiveId(page));
        for (int i = 0; i < 6; i++) // Tab stays inside: the page behind is inert
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('filters').contains(document.activeElement)"), $"Tab {i + 1} left the drawer");
        }
        var box = (await drawer.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 391 && box.Height >= 800, $"the drawer is {box.Width}x{box.Height} at {box.X}");
        await Shot(page, "phone-filters");

        // A facet chosen in the drawer narrows the results behind it; the drawer stays open with the focus inside
        string before = (await page.Locator("#summary").TextContentAsync())!;
        var issuer = page.Locator("#facets .facet", new PageLocatorOptions { HasText = "发文机关" }).Locator("li button").First;
        await issuer.ClickAsync();
        await page.WaitForFunctionAsync("b => document.getElementById('summary').textContent !== b", before);
        await page.WaitForFunctionAsync("() => document.getElementById('filters').contains(document.activeElement)");
        Assert.True(await drawer.IsVisibleAsync());
        Assert.Equal("筛选（1）", await open.TextContentAsync());

        // Then Escape closes it and gives the focus back to 筛选; so does 关闭
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("#filters[role=dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.False(await page.Locator("#facets").IsVisibleAsync());
        Assert.Equal("filters-open", await ActiveId(page));
        Assert.Equal("false", await open.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.Locator("#chips .chip").IsVisibleAsync()); // the chosen filter shows above the results
        await open.ClickAsync();
        await drawer.WaitForAsync();
        await page.ClickAsync("#filters-close");
        Assert.Equal("filters-open", await ActiveId(page));
        Assert.False(await page.Locator("#content").EvaluateAsync<bool>("c => c.inert"));

        // And a tap on the dimmed page beside the drawer closes it too, while removing a chip inside it does not
        await open.ClickAsync();
        await drawer.WaitForAsync();
        await page.Locator("#chips .chip button").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chips .chip').length === 0");
        Assert.True(await drawer.IsVisibleAsync());
        await page.Mouse.ClickAsync(10, 600);
        await page.Locator("#filters[role=dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("filters-open", await ActiveId(page));
    }

    [Fact]
    public async Task On_a_desktop_the_facets_stay_the_side_column_without_a_drawer()
    {
        var page = await Open($"/?q={Development}");
        await page.WaitForSelectorAsync("#results li");
        Assert.False(await page.Locator("#filters-open").IsVisibleAsync());
        Assert.False(await page.Locator("#filters .drawer-head").IsVisibleAsync());
        Assert.True(await page.Locator("#facets").IsVisibleAsync());
        var side = (await page.Locator("#filters").BoundingBoxAsync())!;
        var content = (await page.Locator("#content").BoundingBoxAsync())!;
        Assert.True(side.X + side.Width <= content.X, "the facets are a column left of the results");
        Assert.True(Math.Abs(side.Y - content.Y) < 1, "side by side");
        var header = (await page.Locator("header.chrome").BoundingBoxAsync())!;
        var form = (await page.Locator("form#search").BoundingBoxAsync())!;
        var title = (await page.Locator("header.chrome h1").BoundingBoxAsync())!;
        Assert.True(form.X > title.X + title.Width && header.Height < 80, "one line: title, search box and views");
    }
}
