using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The export's bounds: <c>SearchEngine:MaxExportRows</c> cuts every export (CSV and .xlsx) and bounds <c>limit</c>;
/// exports have their own rate budget (<c>SearchEngine:ExportsPerMinute</c>), and the comparison's CSV shares the
/// costly budget of the comparison itself.
/// </summary>
public sealed class ExportLimitTests(ExportLimitTests.SmallExportServer server) : IClassFixture<ExportLimitTests.SmallExportServer>
{
    /// <summary>Exports of at most 2 rows, 3 exports a minute, 3 costly requests a minute.</summary>
    public sealed class SmallExportServer : ServerFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SearchEngine:MaxExportRows", "2");
            builder.UseSetting("SearchEngine:ExportsPerMinute", "3");
            builder.UseSetting("SearchEngine:CostlyRequestsPerMinute", "3");
        }
    }

    private static string E(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task Given_max_export_rows_then_csv_and_xlsx_stop_there_say_so_and_refuse_a_larger_limit_while_the_budget_lasts()
    {
        // in memory every client has the same address, so the two tests of this class spend different budgets
        var client = server.CreateClient();
        long total = (await client.GetJson("/api/search?q=" + E("发展") + "&size=1")).GetProperty("totalDocuments").GetInt64();
        Assert.True(total > 2);

        var csv = await client.GetAsync("/api/export?q=" + E("发展"));
        string text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(1 + 2, Rfc4180.Parse(text.TrimStart('\uFEFF')).Count);
        Assert.Equal("true", csv.Headers.GetValues("X-Export-Truncated").Single());
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), csv.Headers.GetValues("X-Export-Total").Single());

        var xlsx = await client.GetAsync("/api/export?format=xlsx&q=" + E("发展"));
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(1 + 2, workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
        Assert.Equal("true", xlsx.Headers.GetValues("X-Export-Truncated").Single());

        var problem = await client.GetJson("/api/export?q=" + E("发展") + "&limit=3", HttpStatusCode.BadRequest);
        Assert.Equal("limit must be between 1 and 2; it was 3.", problem.GetProperty("detail").GetString());

        // the budget of 3 exports a minute is spent (a refused export counted too): the next is refused, while searching goes on
        var refused = await client.GetAsync("/api/export?q=" + E("发展"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=" + E("发展"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search.atom?q=" + E("发展"))).StatusCode);
    }

    [Fact]
    public async Task Given_the_costly_budget_then_the_comparison_and_its_csv_share_it()
    {
        var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (string url in new[] { "/api/trend.csv?q=", "/api/trend?q=", "/api/trend.csv?q=", "/api/trend?q=" })
            statuses.Add((await client.GetAsync(url + E("发展"))).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
