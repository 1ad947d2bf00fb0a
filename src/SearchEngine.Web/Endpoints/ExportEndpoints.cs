using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Search.Model;
using SearchEngine.Web.Export;

namespace SearchEngine.Web.Endpoints;

/// <summary>
/// 导出 — a search's hits as a spreadsheet (CSV or .xlsx), one row per document or per section, and the 对比
/// (issuer × year comparison) as CSV: what a researcher takes away to sort, annotate and cite.
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>Says whether the export stopped at its limit: <c>true</c> when the search matched more than was written.</summary>
    public const string TruncatedHeader = "X-Export-Truncated";

    /// <summary>What the search matched (documents, or sections with <c>group=section</c>), written or not.</summary>
    public const string TotalHeader = "X-Export-Total";

    /// <summary>
    /// The most bytes an .xlsx may reach in the temporary file it is built in before rows stop (it is then marked
    /// truncated): far above what <see cref="WebOptions.MaxExportRows"/> rows of bounded snippets take, a bound on
    /// the disk one export can use whatever the configuration and the documents.
    /// </summary>
    internal const long MaxWorkbookBytes = 256L << 20;

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Export");
        api.MapGet("/export", Export).RequireRateLimiting(CostlyRequests.ExportPolicy)
            .WithSummary($"A search's hits as a download, format=csv (UTF-8 with BOM, RFC 4180) or xlsx: the same q, filters, group and sort as /api/search, at most SearchEngine:MaxExportRows rows (limit asks for fewer); {TotalHeader} says how many matched and {TruncatedHeader} whether rows were cut")
            .Produces<Stream>(StatusCodes.Status200OK, CsvFormat.MediaType, XlsxWriter.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status507InsufficientStorage);
        api.MapGet("/trend.csv", TrendCsv).RequireRateLimiting(CostlyRequests.Policy)
            .WithSummary("The issuer × year comparison (/api/trend, the page's 对比) as CSV: a row per issuer, a column per year from the first to the last, and 合计")
            .Produces<string>(StatusCodes.Status200OK, CsvFormat.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<PushStreamHttpResult, FileStreamHttpResult, ProblemHttpResult>> Export(
        SearchService service, IOptions<WebOptions> options, HttpContext context,
        [Description("csv (default): UTF-8 with a byte order mark, RFC 4180; xlsx: an Excel workbook.")] string? format,
        [Description(SearchEndpoints.QueryDescription)] string? q,
        [AsParameters] FilterParameters filter,
        [Description("document: a row per document, its best section (default); section: a row per matching section.")] string? group,
        [Description("relevance (default); date_desc: newest first; date_asc: oldest first (a document's date, else its year; undated last, ties by relevance).")] string? sort,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true,
        [Description("Most rows; SearchEngine:MaxExportRows when absent, and at most that.")] int? limit = null)
    {
        var limits = options.Value;
        int maxRows = Math.Max(1, limits.MaxExportRows);
        var order = SearchSort.Relevance;
        if ((Format(format) ?? SearchChecks.Query(q, limits) ?? SearchChecks.Group(group) ?? SearchChecks.Sort(sort, out order)
            ?? (limit is { } asked ? SearchChecks.Between("limit", asked, 1, maxRows) : null)) is { } wrong)
            return SearchEndpoints.Problem(wrong);
        if (!filter.TryGetFilters(out var filters, out var error))
            return SearchEndpoints.Problem(error);

        string query = q ?? "";
        var hits = new HitPages(service.Snapshot, new SearchRequest
        {
            Query = query, Filters = filters, GroupByDocument = group != "section", Sort = order, Expand = expand,
        }, limit ?? maxRows);
        var page = PageAddress.Of(context.Request);
        bool xlsx = format == "xlsx";
        string name = DownloadName.For("检索结果", query, DateOnly.FromDateTime(DateTime.Now), xlsx ? "xlsx" : "csv");
        var headers = context.Response.Headers;
        headers[TotalHeader] = hits.Total.ToString(CultureInfo.InvariantCulture);
        if (!xlsx)
        {
            headers[TruncatedHeader] = hits.Truncated ? "true" : "false";
            return TypedResults.Stream(body => WriteCsv(body, hits, query, page, context.RequestAborted), CsvFormat.ContentType, name);
        }

        // The workbook is built in a temporary file, then sent. Only a failure to write that file is the server's
        // storage (507); the index's own failures while the hits are read (a damaged index is an IOException too)
        // are not caught here: `storing` says which of the two was running.
        FileStream? file = null;
        bool storing = true;
        try
        {
            file = TemporaryFile();
            var workbook = new XlsxWriter(file, "检索结果", ExportRow.Headers, ExportRow.Widths, [ExportRow.YearColumn]);
            bool cut = hits.Truncated;
            storing = false;
            foreach (var hit in hits.Read(context.RequestAborted))
            {
                if (workbook.Length > MaxWorkbookBytes)
                {
                    cut = true;
                    break;
                }
                var cells = ExportRow.From(hit, query, page).Cells();
                storing = true;
                workbook.WriteRow(cells);
                storing = false;
            }
            storing = true;
            workbook.Dispose();
            file.Position = 0;
            headers[TruncatedHeader] = cut ? "true" : "false";
            // the response disposes the stream once it is sent, and with it the file (DeleteOnClose)
            return TypedResults.File(file, XlsxWriter.MediaType, name);
        }
        catch (Exception e) when (storing && e is IOException or UnauthorizedAccessException)
        {
            if (file is not null)
                await file.DisposeAsync();
            headers.Remove(TotalHeader);
            return TypedResults.Problem("The export could not be written: the server's temporary folder is full or not writable. Try again later.",
                statusCode: StatusCodes.Status507InsufficientStorage, title: "The export could not be written");
        }
        catch
        {
            if (file is not null)
                await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The rows, a page of hits at a time, each page flushed to the client as it is written.</summary>
    private static async Task WriteCsv(Stream body, HitPages hits, string query, Uri page, CancellationToken cancel)
    {
        await using var text = new StreamWriter(body, CsvFormat.Encoding, bufferSize: 1 << 14, leaveOpen: true);
        await text.WriteAsync(CsvFormat.Line(ExportRow.Headers).AsMemory(), cancel);
        int written = 0;
        foreach (var hit in hits.Read(cancel))
        {
            await text.WriteAsync(CsvFormat.Line(ExportRow.From(hit, query, page).Cells()).AsMemory(), cancel);
            if (++written % HitPages.PageSize == 0)
                await text.FlushAsync(cancel);
        }
        await text.FlushAsync(cancel);
    }

    /// <summary>
    /// A new file in the temporary folder for an .xlsx being built (its zip is written entry after entry, which
    /// needs a file rather than the response), deleted when closed; on Linux unlinked at once, so even a crash leaves nothing.
    /// </summary>
    private static FileStream TemporaryFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"searchengine-export-{Guid.NewGuid():N}.xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
            File.Delete(path);
        return file;
    }

    private static string? Format(string? format) =>
        format is null or "" or "csv" or "xlsx" ? null : $"format must be 'csv' or 'xlsx'; it was '{format}'.";

    private static Results<FileContentHttpResult, ProblemHttpResult> TrendCsv(
        SearchService service, IOptions<WebOptions> options,
        [Description("The term whose use by issuer and year to count (required), in the query language.")] string? q,
        [AsParameters] FilterParameters filter,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true)
    {
        if (string.IsNullOrWhiteSpace(q))
            return SearchEndpoints.Problem("q is required: the term whose use by issuer and year to count.");
        if (SearchChecks.Query(q, options.Value) is { } wrong)
            return SearchEndpoints.Problem(wrong);
        if (!filter.TryGetFilters(out var filters, out var error))
            return SearchEndpoints.Problem(error);
        var table = TrendTable.From(service.Snapshot.Trend(q, filters, expand), filters.Issuers);
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, CsvFormat.Encoding))
        {
            text.Write(CsvFormat.Line(table.Headers));
            foreach (var row in table.Rows)
                text.Write(CsvFormat.Line([row.Issuer, .. row.Documents.Select(Count), Count(row.Total)]));
        }
        return TypedResults.File(buffer.ToArray(), CsvFormat.ContentType, DownloadName.For("发文机关对比", q, DateOnly.FromDateTime(DateTime.Now), "csv"));

        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
