using System.Text.Json;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The sidebar and paging as a researcher uses them every day (issue 12): 更多 and the filter box, chosen values
/// that stay listed, 清除全部, exclusions, filters typed in the query, the focus after each action, zero-result
/// suggestions, 上一页 / 下一页 with continued numbering, and a facet used by keyboard alone. Expected numbers come
/// from the API over the same seeds.
/// </summary>
public sealed class FacetAndPagingBrowserTests(BrowserFixture fixture) : FacetAndPagingBrowserContract<BrowserFixture>(fixture);

/// <summary>The same page tests over the Lucene.Net engine: the page depends on the engine only through the API.</summary>
public sealed class FacetAndPagingBrowserTestsOnLucene(LuceneBrowserFixture fixture) : FacetAndPagingBrowserContract<LuceneBrowserFixture>(fixture);

/// <summary>The tests themselves, run on each engine by the two classes above.</summary>
public abstract class FacetAndPagingBrowserContract<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : BrowserFixture
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<IPage> Open(string path)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    private async Task<JsonElement> Api(string pathAndQuery)
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) };
        var response = await client.GetAsync(pathAndQuery);
        Assert.True(response.IsSuccessStatusCode, pathAndQuery);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<(string Value, int Count)> Facet(JsonElement json, string name) =>
        [.. json.GetProperty("facets").GetProperty(name).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32()))];

    private static ILocator FacetBox(IPage page, string name) => page.Locator($"#facets .facet[data-facet='{name}']");

    private static Task<string> ActiveFocusKey(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement === document.body ? 'BODY' : (document.activeElement.dataset.focus ?? document.activeElement.id)");

    private static async Task WaitForSummaryChange(IPage page, string before) =>
        await page.WaitForFunctionAsync("b => document.getElementById('summary').textContent !== b && !document.getElementById('content').hasAttribute('aria-busy')", before);

    [Fact]
    public async Task A_long_facet_folds_behind_more_and_its_filter_box_finds_any_value()
    {
        var industries = Facet(await Api("/api/search?q=" + Q("发展") + "&facetLimit=500"), "industry");
        Assert.True(industries.Count > 10, "the seeds give more than ten industries for 发展");
        var page = await Open("/?q=" + Q("发展"));
        var box = FacetBox(page, "industry");
        await box.Locator("li").First.WaitForAsync();
        Assert.Equal(10, await box.Locator("li").CountAsync());
        Assert.Equal(industries.Take(10).Select(v => v.Value), await box.Locator("li button.value > span:first-child").AllTextContentsAsync());

        var more = box.Locator("button.more");
        Assert.Contains(industries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await more.TextContentAsync(), StringComparison.Ordinal);
        await more.ClickAsync();
        Assert.Equal(industries.Count, await box.Locator("li").CountAsync());
        Assert.Equal("true", await more.GetAttributeAsync("aria-expanded"));
        Assert.Equal("收起", await more.TextContentAsync());
        if (fixture.Server.Engine == "native") // the documentation's screenshots come from the default engine
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "facets-more.png"), FullPage = true });
        await more.ClickAsync();
        Assert.Equal(10, await box.Locator("li").CountAsync());

        // the filter box searches every value, folded or not
        string needle = industries[^1].Value[..1];
        await box.Locator("input.facet-find").FillAsync(needle);
        var expected = industries.Where(v => v.Value.Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(v => v.Value).ToList();
        Assert.Equal(expected, await box.Locator("li button.value > span:first-child").AllTextContentsAsync());
        await box.Locator("input.facet-find").FillAsync("不存在的产业名");
        Assert.Equal(0, await box.Locator("li").CountAsync());
        Assert.Contains("没有匹配", await box.TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chosen_value_stays_listed_beyond_the_top_values_and_when_nothing_carries_it()
    {
        var industries = Facet(await Api("/api/search?q=" + Q("发展") + "&facetLimit=500"), "industry");
        var (value, _) = industries[^1]; // beyond the ten listed when folded
        var page = await Open("/?q=" + Q("发展"));
        var box = FacetBox(page, "industry");
        await box.Locator("li").First.WaitForAsync();
        await box.Locator("input.facet-find").FillAsync(value);
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await box.Locator($"li button.value[data-focus='v:industry:{value}']").ClickAsync();
        await WaitForSummaryChange(page, before);
        await box.Locator("input.facet-find").FillAsync("");
        var chosen = box.Locator("li button.value[aria-pressed=true]");
        Assert.Equal(1, await chosen.CountAsync());
        Assert.Contains(value, await chosen.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await box.Locator("li").CountAsync() <= 11);

        // a chosen value no result carries is listed with 0, and the zero answer keeps the sidebar
        page = await Open("/?q=" + Q("发展") + "&region=" + Q("不存在的地区"));
        var region = FacetBox(page, "region").Locator("li button.value[aria-pressed=true]");
        await region.WaitForAsync();
        Assert.Equal("不存在的地区0", (await region.TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator("#chips .chip").CountAsync());
    }

    [Fact]
    public async Task Clear_all_removes_every_filter_at_once_and_keeps_the_words()
    {
        var all = await Api("/api/search?q=" + Q("发展"));
        string issuer = Facet(all, "issuer")[0].Value, industry = Facet(all, "industry")[0].Value, year = Facet(all, "year")[0].Value;
        var page = await Open($"/?q={Q("发展 type:规划")}&issuer={Q(issuer)}&industry_not={Q(industry)}&year={year}");
        await page.Locator("#chips .chip.typed").WaitForAsync();
        Assert.Equal(4, await page.Locator("#chips .chip").CountAsync());
        await page.Locator("#chips button.clear-all").ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('issuer') && !location.search.includes('industry_not') && !location.search.includes('year')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#chips .chip').length === 0 && !document.getElementById('content').hasAttribute('aria-busy')");
        Assert.Equal("发展", await page.InputValueAsync("#q"));
        Assert.Equal(0, await page.Locator("#chips button.clear-all").CountAsync());
        Assert.Equal("summary", await ActiveFocusKey(page));
        Assert.Contains($"找到 {all.GetProperty("totalDocuments").GetInt32()} 个文件", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excluding_a_value_removes_its_documents_and_shows_an_exclusion_chip()
    {
        var all = await Api("/api/search?q=" + Q("发展"));
        var (issuer, count) = Facet(all, "issuer")[0];
        int expected = all.GetProperty("totalDocuments").GetInt32() - count;
        var page = await Open("/?q=" + Q("发展"));
        var box = FacetBox(page, "issuer");
        await box.Locator("li").First.WaitForAsync();
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await box.Locator($"button.exclude[aria-label='排除发文机关：{issuer}']").ClickAsync();
        await WaitForSummaryChange(page, before);
        Assert.Contains("issuer_not=", page.Url, StringComparison.Ordinal);
        Assert.Contains($"找到 {expected} 个文件", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
        var metas = await page.Locator("#results > li > .meta").AllTextContentsAsync();
        Assert.DoesNotContain(metas, m => m.Split(" · ")[0].Split('、').Contains(issuer));
        var chip = page.Locator("#chips .chip.excluded");
        Assert.Equal($"排除 发文机关：{issuer}×", await chip.TextContentAsync());
        // the excluded value stays listed, marked, and the focus stays on its 排除 button
        Assert.Equal("true", await box.Locator($"button.exclude[aria-label='取消排除发文机关：{issuer}']").GetAttributeAsync("aria-pressed"));
        Assert.Equal($"x:issuer:{issuer}", await ActiveFocusKey(page));

        // removing the chip brings the documents back
        before = (await page.Locator("#summary").TextContentAsync())!;
        await chip.Locator("button").ClickAsync();
        await WaitForSummaryChange(page, before);
        Assert.Contains($"找到 {all.GetProperty("totalDocuments").GetInt32()} 个文件", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
        Assert.NotEqual("BODY", await ActiveFocusKey(page));
    }

    [Fact]
    public async Task A_filter_typed_in_the_query_gets_a_chip_that_removes_its_text()
    {
        var all = await Api("/api/search?q=" + Q("发展"));
        string issuer = Facet(all, "issuer")[0].Value;
        var page = await Open("/?q=" + Q($"发展 issuer:{issuer}"));
        var chip = page.Locator("#chips .chip.typed");
        await chip.WaitForAsync();
        Assert.Contains(issuer, await chip.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("发文机关", await chip.TextContentAsync(), StringComparison.Ordinal);
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await chip.Locator("button").ClickAsync();
        await WaitForSummaryChange(page, before);
        Assert.Equal("发展", await page.InputValueAsync("#q"));
        Assert.Equal("发展", System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["q"]);
        Assert.Equal(0, await page.Locator("#chips .chip").CountAsync());
        Assert.Equal("summary", await ActiveFocusKey(page));
    }

    [Fact]
    public async Task After_a_facet_click_the_focus_is_on_the_same_value_not_the_body()
    {
        var all = await Api("/api/search?q=" + Q("发展"));
        string issuer = Facet(all, "issuer")[^1].Value;
        var page = await Open("/?q=" + Q("发展"));
        var button = FacetBox(page, "issuer").Locator($"button.value[data-focus='v:issuer:{issuer}']");
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await button.ClickAsync();
        await WaitForSummaryChange(page, before);
        Assert.Equal($"v:issuer:{issuer}", await ActiveFocusKey(page));
        Assert.Equal("true", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-pressed')"));
    }

    [Fact]
    public async Task A_facet_can_be_used_with_the_keyboard_alone()
    {
        var page = await Open("/?q=" + Q("发展"));
        await FacetBox(page, "issuer").Locator("li").First.WaitForAsync();
        await page.FocusAsync("#q");
        string key = "";
        for (int i = 0; i < 80 && !key.StartsWith("v:issuer:", StringComparison.Ordinal); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            key = await ActiveFocusKey(page);
        }
        Assert.StartsWith("v:issuer:", key, StringComparison.Ordinal);
        string issuer = key["v:issuer:".Length..];
        string before = (await page.Locator("#summary").TextContentAsync())!;
        await page.Keyboard.PressAsync("Enter");
        await WaitForSummaryChange(page, before);
        Assert.Contains("issuer=" + Q(issuer), page.Url, StringComparison.Ordinal);
        Assert.Equal(key, await ActiveFocusKey(page)); // the next key press acts on the same value
        await page.Keyboard.PressAsync("Tab"); // to its 排除 button
        Assert.Equal($"x:issuer:{issuer}", await ActiveFocusKey(page));
        await page.Keyboard.PressAsync("Shift+Tab");
        before = (await page.Locator("#summary").TextContentAsync())!;
        await page.Keyboard.PressAsync("Space");
        await WaitForSummaryChange(page, before);
        Assert.DoesNotContain("issuer=", page.Url, StringComparison.Ordinal);
        Assert.Equal(key, await ActiveFocusKey(page));
    }

    [Fact]
    public async Task Zero_results_offer_to_remove_each_filter_or_word_that_would_give_results()
    {
        // Given two filters that each find documents for 发展 but not together (found through the API)
        var all = await Api("/api/search?q=" + Q("发展"));
        (string Issuer, string Type, int WithoutIssuer, int WithoutType)? pair = null;
        foreach (var (issuer, _) in Facet(all, "issuer"))
        {
            foreach (var (type, _) in Facet(all, "type"))
            {
                var both = await Api($"/api/search?q={Q("发展")}&size=1&issuer={Q(issuer)}&type={Q(type)}");
                if (both.GetProperty("totalDocuments").GetInt32() != 0)
                    continue;
                int withoutIssuer = (await Api($"/api/search?q={Q("发展")}&size=1&type={Q(type)}")).GetProperty("totalDocuments").GetInt32();
                int withoutType = (await Api($"/api/search?q={Q("发展")}&size=1&issuer={Q(issuer)}")).GetProperty("totalDocuments").GetInt32();
                pair = (issuer, type, withoutIssuer, withoutType);
                break;
            }
            if (pair is not null)
                break;
        }
        Assert.True(pair is not null, "the seeds have an issuer and a type that never meet");
        var (i, t, nI, nT) = pair.Value;

        // When the page shows that search
        var page = await Open($"/?q={Q("发展 规划")}&issuer={Q(i)}&type={Q(t)}");
        await page.Locator("#zero button").First.WaitForAsync();
        var offers = await page.Locator("#zero button").AllTextContentsAsync();

        // Then each filter's removal is offered with its count, the sidebar and chips stay, and a word can go too
        int nIWord = (await Api($"/api/search?q={Q("发展 规划")}&size=1&type={Q(t)}")).GetProperty("totalDocuments").GetInt32();
        int nTWord = (await Api($"/api/search?q={Q("发展 规划")}&size=1&issuer={Q(i)}")).GetProperty("totalDocuments").GetInt32();
        if (nIWord > 0)
            Assert.Contains($"去掉筛选：发文机关：{i}（{nIWord} 条结果）", offers);
        if (nTWord > 0)
            Assert.Contains($"去掉筛选：文种：{t}（{nTWord} 条结果）", offers);
        Assert.True(nIWord + nTWord > 0 || offers.Any(o => o.StartsWith("去掉词：", StringComparison.Ordinal)));
        Assert.Equal(2, await page.Locator("#chips .chip").CountAsync());
        if (fixture.Server.Engine == "native")
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "zero-results.png") });
        Assert.True(await page.Locator("#facets .facet").CountAsync() >= 2);
        Assert.True(await FacetBox(page, "issuer").Locator("button.value[aria-pressed=true]").IsVisibleAsync());

        // And with one word, the removal offered is the filter's; pressing it applies it
        page = await Open($"/?q={Q("发展")}&issuer={Q(i)}&type={Q(t)}");
        var offer = page.Locator("#zero button", new PageLocatorOptions { HasText = $"去掉筛选：发文机关：{i}（{nI} 条结果）" });
        await offer.WaitForAsync();
        Assert.Equal(1, await page.Locator("#zero button", new PageLocatorOptions { HasText = $"去掉筛选：文种：{t}（{nT} 条结果）" }).CountAsync());
        Assert.Equal(0, await page.Locator("#zero button", new PageLocatorOptions { HasText = "去掉词" }).CountAsync());
        await offer.ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('issuer=')");
        await page.WaitForFunctionAsync($"() => document.getElementById('summary').textContent.includes('找到 {nI} 个文件')");
        Assert.Equal(0, await page.Locator("#zero button").CountAsync());
    }

    [Fact]
    public async Task Paging_numbers_hits_across_pages_moves_to_the_top_and_never_offers_a_page_past_the_end()
    {
        var all = await Api("/api/search?q=" + Q("发展") + "&group=section&size=1");
        int pages = Math.Min(100, (all.GetProperty("total").GetInt32() + 9) / 10);
        Assert.True(pages >= 3, "发展 gives at least three pages of sections");
        var page = await Open("/?group=section&q=" + Q("发展"));
        await page.Locator("#results > li").First.WaitForAsync();
        Assert.Equal(1, await page.Locator("#results").EvaluateAsync<int>("o => o.start"));
        Assert.Equal(0, await page.Locator("#pages button", new PageLocatorOptions { HasText = "上一页" }).CountAsync());

        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await page.Locator("#pages button", new PageLocatorOptions { HasText = "下一页" }).ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('page=2') && document.getElementById('results').start === 11 && !document.getElementById('content').hasAttribute('aria-busy')");
        Assert.Equal("summary", await ActiveFocusKey(page));
        Assert.True(await page.EvaluateAsync<double>("() => document.getElementById('toolbar').getBoundingClientRect().top") < 50, "the results' top is in view");
        Assert.Equal(10, await page.Locator("#results > li").CountAsync());
        await page.Locator("#pages button", new PageLocatorOptions { HasText = "上一页" }).ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('page=') && document.getElementById('results').start === 1");

        // the last page has no 下一页, and its numbering goes on
        page = await Open($"/?group=section&q={Q("发展")}&page={pages}");
        await page.Locator("#results > li").First.WaitForAsync();
        Assert.Equal((pages - 1) * 10 + 1, await page.Locator("#results").EvaluateAsync<int>("o => o.start"));
        Assert.Equal(0, await page.Locator("#pages button", new PageLocatorOptions { HasText = "下一页" }).CountAsync());
        Assert.Equal(0, await page.Locator($"#pages button[data-page='{pages + 1}']").CountAsync());

        // a page past the end says so and offers the last one
        page = await Open($"/?group=section&q={Q("发展")}&page={pages + 5}");
        var last = page.Locator("#pages button", new PageLocatorOptions { HasText = "最后一页" });
        await last.WaitForAsync();
        Assert.Contains($"没有第 {pages + 5} 页", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
        await last.ClickAsync();
        await page.WaitForFunctionAsync($"() => location.search.includes('page={pages}') && document.querySelectorAll('#results > li').length > 0");
    }
}
