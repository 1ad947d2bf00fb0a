using System.Text.Json;
using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>Exclusions (排除) in the 对比 view and in the widget's presets: both count what the API counts with them.</summary>
public sealed partial class YearTrendWidgetPhoneBrowserTests
{
    private static List<(string Issuer, int Year, int Documents)> Cells(JsonElement trend) =>
        [.. trend.EnumerateArray().Select(c => (c.GetProperty("issuer").GetString()!, c.GetProperty("year").GetInt32(), c.GetProperty("documents").GetInt32()))];

    [Fact]
    public async Task Under_an_excluded_issuer_the_trend_table_drops_its_row_and_counts_what_the_api_counts()
    {
        // Given the issuer with the most documents on 发展, excluded
        var whole = Cells(await Api($"/api/trend?q={Development}"));
        string excluded = whole.GroupBy(c => c.Issuer).OrderByDescending(g => g.Sum(c => c.Documents)).First().Key;
        var cells = Cells(await Api($"/api/trend?q={Development}&issuer_not={Uri.EscapeDataString(excluded)}"));
        Assert.NotEmpty(cells);
        Assert.True(cells.Sum(c => c.Documents) < whole.Sum(c => c.Documents));

        // When the 对比 view opens with the exclusion in its address
        var page = await Open($"/?q={Development}&view=trend&issuer_not={Uri.EscapeDataString(excluded)}");
        var table = page.Locator("#trend table");
        await table.WaitForAsync();

        // Then its rows are the API's issuers under the exclusion, without the excluded one, and its counts add up the same
        var rows = await table.Locator("tbody th[scope=row]").AllTextContentsAsync();
        Assert.Equal(cells.Select(c => c.Issuer).Distinct(), rows);
        Assert.DoesNotContain(excluded, rows);
        var counts = await table.Locator("tbody td a").EvaluateAllAsync<int[]>("links => links.map(a => Number(a.firstChild.textContent))");
        Assert.Equal(cells.Sum(c => c.Documents), counts.Sum());
        Assert.Contains("按所选条件筛选", await table.Locator("caption").TextContentAsync(), StringComparison.Ordinal);

        // And a count's link keeps the exclusion
        var link = new Uri(new Uri(fixture.BaseUrl), await table.Locator("tbody td a").First.GetAttributeAsync("href"));
        Assert.Equal(excluded, System.Web.HttpUtility.ParseQueryString(link.Query)["issuer_not"]);
    }

    [Fact]
    public async Task A_widget_preset_exclusion_is_searched_shown_and_carried_to_the_full_page()
    {
        // Given a widget for 发展 that excludes the issuer with the most documents, and what the API answers for that
        var whole = Cells(await Api($"/api/trend?q={Development}"));
        string excluded = whole.GroupBy(c => c.Issuer).OrderByDescending(g => g.Sum(c => c.Documents)).First().Key;
        int all = (await Api($"/api/search?q={Development}&size=1")).GetProperty("totalDocuments").GetInt32();
        int total = (await Api($"/api/search?q={Development}&issuer_not={Uri.EscapeDataString(excluded)}&size=1")).GetProperty("totalDocuments").GetInt32();
        Assert.True(total < all);

        var page = await Open("/example-host.html");
        await page.EvaluateAsync("x => { const d = document.createElement('div'); d.id = 'excluding'; d.setAttribute('data-policy-search', ''); d.dataset.q = '发展'; d.dataset.issuerNot = x; document.body.append(d); }", excluded);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/widget.js" });
        var widget = page.Locator("#excluding");
        await widget.Locator("li a").First.WaitForAsync();

        // Then it finds what the API finds with issuer_not, says so, and its full-page link carries the exclusion
        Assert.StartsWith($"{total} 个文件", await widget.Locator("p.meta[aria-live]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("排除 " + excluded, await widget.Locator("p.preset").TextContentAsync(), StringComparison.Ordinal);
        var full = widget.Locator("a", new LocatorLocatorOptions { HasText = "在检索页查看全部" });
        var query = System.Web.HttpUtility.ParseQueryString(new Uri((await full.GetAttributeAsync("href"))!).Query);
        Assert.Equal(excluded, query["issuer_not"]);
    }
}
