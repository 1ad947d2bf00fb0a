using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace SearchEngine.Web.Tests;

/// <summary>
/// 导出 — /api/export as CSV and .xlsx, and /api/trend.csv, read back with a reader of the tests' own (RFC 4180) and
/// with the Open XML SDK: the rows are the hits /api/search gives for the same query, in its order, cell by cell,
/// derived here from the search's JSON; quoting, the formula defence and the limits hold.
/// </summary>
public sealed partial class ExportApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Headers = ["文档ID", "标题", "发文机关", "发文字号", "成文日期", "年份", "地区", "类型", "行业", "章节路径", "匹配词", "摘要", "链接"];

    private readonly HttpClient _client = server.CreateClient();

    private static string E(string s) => Uri.EscapeDataString(s);

    /// <summary>Every hit /api/search gives for a query, page after page of 100.</summary>
    private async Task<(List<JsonElement> Hits, long Total)> AllHits(string query)
    {
        var hits = new List<JsonElement>();
        long total;
        for (int page = 1; ; page++)
        {
            var json = await _client.GetJson($"/api/search?{query}&size=100&page={page}");
            total = query.Contains("group=section", StringComparison.Ordinal) ? json.GetProperty("total").GetInt64() : json.GetProperty("totalDocuments").GetInt64();
            var these = json.GetProperty("hits").EnumerateArray().ToList();
            hits.AddRange(these);
            if (these.Count < 100)
                return (hits, total);
        }
    }

    /// <summary>The row a hit should give, computed from the search's JSON: marks removed and entities decoded by hand.</summary>
    private static string[] ExpectedRow(JsonElement hit)
    {
        string Text(string name) => hit.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
        string List(string name, string separator) => string.Join(separator, hit.GetProperty(name).EnumerateArray().Select(e => e.GetString()));
        string snippet = hit.GetProperty("snippet").GetString()!;
        var marked = MarkPattern().Matches(snippet).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        return
        [
            Text("documentId"), Text("title"), List("issuers", "、"), Text("documentNumber"), Text("date"), Text("year"), Text("region"), Text("type"),
            List("industries", "、"), List("headingPath", " > "), string.Join("、", marked),
            WebUtility.HtmlDecode(snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal)),
            new Uri(new Uri("http://localhost/"), hit.GetProperty("url").GetString()!).AbsoluteUri,
        ];
    }

    /// <summary>A cell as the CSV defends it: a leading ' before what a spreadsheet would take for a formula.</summary>
    private static string Defended(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;

    private async Task<(HttpResponseMessage Response, byte[] Body)> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _client.GetAsync(url);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        return (response, body);
    }

    /// <summary>
    /// Runs a comparison of an export with the search until no commit fell between them: another test's upload merges
    /// in the background, and a merge renumbers sections (the order of equal hits) and changes the statistics scores
    /// are made of, so the export and the search must have read one snapshot for their rows to be compared.
    /// </summary>
    private async Task OnOneSnapshot(Func<Task> compare)
    {
        for (int attempt = 0; ; attempt++)
        {
            long before = await Generation();
            Exception? failure = null;
            try
            {
                await compare();
            }
            catch (Exception e) when (attempt < 3)
            {
                failure = e;
            }
            if (failure is null)
                return;
            if (await Generation() == before)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    private async Task<long> Generation() => (await _client.GetJson("/health")).GetProperty("generation").GetInt64();

    /// <summary>A CSV body: the byte order mark checked and removed, the records parsed.</summary>
    private static List<List<string>> Csv(byte[] body)
    {
        Assert.True(body.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "the CSV starts with UTF-8's byte order mark, so Excel reads it as UTF-8");
        return Rfc4180.Parse(new UTF8Encoding(false, true).GetString(body, 3, body.Length - 3));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : response.Content.Headers.GetValues(name).Single();

    [Fact]
    public Task Given_a_search_when_exported_as_csv_then_each_document_is_a_row_equal_to_its_hit_in_the_search_order() => OnOneSnapshot(async () =>
    {
        var (response, body) = await Get("/api/export?q=" + E("氢能"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^检索结果-氢能-\d{4}-\d{2}-\d{2}\.csv$", disposition.FileNameStar);

        var records = Csv(body);
        var (hits, total) = await AllHits("q=" + E("氢能"));
        Assert.Equal(Headers, records[0]);
        Assert.Equal(hits.Count, records.Count - 1);
        Assert.NotEmpty(hits);
        foreach (var (hit, record) in hits.Zip(records.Skip(1)))
            Assert.Equal(ExpectedRow(hit).Select(Defended), record);
        Assert.Contains(records.Skip(1), r => r[10].Contains("氢能", StringComparison.Ordinal)); // 匹配词 holds the marked word
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Header(response, "X-Export-Total"));
        Assert.Equal("false", Header(response, "X-Export-Truncated"));
    });

    [Fact]
    public Task Given_group_section_and_a_date_order_then_the_rows_are_every_matching_section_in_that_order_across_pages() => OnOneSnapshot(async () =>
    {
        const string Query = "group=section&sort=date_desc";
        var (hits, total) = await AllHits($"q={E("发展")}&{Query}");
        Assert.True(total > 100, $"发展 matches {total} sections: the export should need more than one page of the search");
        var (response, body) = await Get($"/api/export?q={E("发展")}&{Query}");
        var records = Csv(body);
        Assert.Equal(hits.Count, records.Count - 1);
        Assert.Equal(hits.Select(h => ExpectedRow(h).Select(Defended).ToList()), records.Skip(1));
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Header(response, "X-Export-Total"));
    });

    [Fact]
    public async Task Given_cells_with_commas_quotes_newlines_and_a_formula_then_they_round_trip_and_the_formula_stays_text()
    {
        string id = await HostileDocument.Upload(_client);
        var (_, body) = await Get("/api/export?q=" + E(HostileDocument.Word));
        var row = Csv(body).Single(r => r[0] == id);
        Assert.Equal("'" + HostileDocument.Title, row[1]); // =SUM(…) would be evaluated: it gets a leading '
        Assert.Contains('\n', row[11]); // the snippet's two lines, in one quoted field
        Assert.Contains("\"引号\"", row[11], StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>]]>", row[11], StringComparison.Ordinal); // plain text: entities decoded
        Assert.Equal(HostileDocument.Word, row[10]);
        var (hits, _) = await AllHits("q=" + E(HostileDocument.Word));
        Assert.Equal(ExpectedRow(hits.Single(h => h.GetProperty("documentId").GetString() == id)).Select(Defended), row);
    }

    [Fact]
    public async Task Given_a_limit_then_the_export_stops_there_and_says_it_was_cut()
    {
        var (hits, total) = await AllHits("q=" + E("发展"));
        Assert.True(total > 2);
        var (cut, body) = await Get("/api/export?q=" + E("发展") + "&limit=2");
        var records = Csv(body);
        Assert.Equal(hits.Take(2).Select(h => h.GetProperty("documentId").GetString()), records.Skip(1).Select(r => r[0]));
        Assert.Equal("true", Header(cut, "X-Export-Truncated"));
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), Header(cut, "X-Export-Total"));

        var (whole, _) = await Get($"/api/export?q={E("发展")}&limit={total}");
        Assert.Equal("false", Header(whole, "X-Export-Truncated"));
    }

    [Theory]
    [InlineData("format=pdf", "format must be 'csv' or 'xlsx'; it was 'pdf'.")]
    [InlineData("limit=0", "limit must be between 1 and 5000; it was 0.")]
    [InlineData("limit=5001", "limit must be between 1 and 5000; it was 5001.")]
    [InlineData("limit=abc", "The parameter 'limit' must be a whole number; it was 'abc'.")]
    [InlineData("group=page", "group must be 'document' or 'section'; it was 'page'.")]
    [InlineData("sort=newest", "sort must be 'relevance', 'date_desc' or 'date_asc'; it was 'newest'.")]
    [InlineData("year=2021&year=2022", "year may be given once, as a year or a range such as 2021..2024; it was given 2 times (2021, 2022).")]
    public async Task Given_a_bad_parameter_then_the_export_answers_a_400_problem_saying_what_is_wrong(string parameter, string detail)
    {
        var problem = await _client.GetJson($"/api/export?q={E("氢能")}&{parameter}", HttpStatusCode.BadRequest);
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public Task Given_a_search_when_exported_as_xlsx_then_the_sheet_holds_a_bold_frozen_header_and_the_search_hits() => OnOneSnapshot(async () =>
    {
        string id = await HostileDocument.Upload(_client);
        var (response, body) = await Get("/api/export?format=xlsx&q=" + E("氢能") + "&group=section");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(body), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("检索结果", sheet.Name?.Value);
        var worksheet = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal((1.0, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value!, pane.State!.Value));
        var rows = worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();

        // the header row, bold
        Assert.Equal(Headers, rows[0].Select(c => c.InnerText));
        var bold = workbook.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt(
            (int)workbook.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)rows[0][0].StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(bold.Bold);

        // a row per hit, cell by cell as the search gives it (inline strings are never formulas: no ' here), the year a number
        var (hits, _) = await AllHits("q=" + E("氢能") + "&group=section");
        Assert.Equal(hits.Count, rows.Count - 1);
        string CellText(Cell? cell) => cell is null ? "" : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text;
        foreach (var (hit, row) in hits.Zip(rows.Skip(1)))
        {
            var expected = ExpectedRow(hit);
            var byColumn = row.ToDictionary(c => Regex.Match(c.CellReference!.Value!, "^[A-Z]+").Value);
            for (int column = 0; column < Headers.Length; column++)
                Assert.Equal(expected[column], CellText(byColumn.GetValueOrDefault(((char)('A' + column)).ToString())));
            if (hit.TryGetProperty("year", out _))
                Assert.Equal(CellValues.Number, byColumn["F"].DataType!.Value);
        }

        var (_, hostile) = await Get("/api/export?format=xlsx&q=" + E(HostileDocument.Word));
        using var other = SpreadsheetDocument.Open(new MemoryStream(hostile), false);
        var cells = other.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1).Select(r => r.Elements<Cell>().ToList())
            .Single(r => r[0].InnerText == id);
        Assert.Equal(HostileDocument.Title, cells[1].InnerText);
    });

    [Fact]
    public async Task Given_a_term_when_the_comparison_is_exported_then_its_columns_and_counts_are_those_of_the_trend()
    {
        var trend = (await _client.GetJson("/api/trend?q=" + E("发展"))).EnumerateArray()
            .Select(c => (Issuer: c.GetProperty("issuer").GetString()!, Year: c.GetProperty("year").GetInt32(), Documents: c.GetProperty("documents").GetInt32())).ToList();
        Assert.NotEmpty(trend);
        var (response, body) = await Get("/api/trend.csv?q=" + E("发展"));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^发文机关对比-发展-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileNameStar);
        var records = Csv(body);

        // every year from the first to the last, as the page's 对比 lays them out, then 合计
        int first = trend.Min(c => c.Year), last = trend.Max(c => c.Year);
        Assert.Equal(["发文机关", .. Enumerable.Range(first, last - first + 1).Select(y => y.ToString(CultureInfo.InvariantCulture)), "合计"], records[0]);
        Assert.Equal(trend.Select(c => c.Issuer).Distinct(), records.Skip(1).Select(r => r[0]));
        foreach (var record in records.Skip(1))
        {
            for (int y = first; y <= last; y++)
            {
                int expected = trend.Where(c => c.Issuer == record[0] && c.Year == y).Sum(c => c.Documents);
                Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), record[y - first + 1]);
            }
            Assert.Equal(trend.Where(c => c.Issuer == record[0]).Sum(c => c.Documents).ToString(CultureInfo.InvariantCulture), record[^1]);
        }

        // with issuers chosen, only their rows, as the page shows
        string chosen = trend[0].Issuer;
        var filtered = Csv((await Get($"/api/trend.csv?q={E("发展")}&issuer={E(chosen)}")).Body);
        Assert.Equal([chosen], filtered.Skip(1).Select(r => r[0]));

        await _client.GetJson("/api/trend.csv", HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkPattern();
}
