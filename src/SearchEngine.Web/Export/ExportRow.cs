using System.Globalization;
using SearchEngine.Search.Model;

namespace SearchEngine.Web.Export;

/// <summary>
/// One hit as a row of an export (CSV or .xlsx), its cells in the order of <see cref="Headers"/>: the document's
/// metadata, the section's heading path, the words the search marked, the snippet as plain text and the absolute
/// address of the section on the page.
/// </summary>
internal sealed record ExportRow(
    string DocumentId, string Title, string Issuers, string? DocumentNumber, DateOnly? Date, int? Year, string? Region, string? Type,
    string Industries, string HeadingPath, string MatchedTerms, string Summary, string Link)
{
    /// <summary>
    /// The header row: 文档ID (document id), 标题 (title), 发文机关 (issuer), 发文字号 (issuing number), 成文日期 (date of
    /// writing), 年份 (year), 地区 (region), 类型 (document type), 行业 (industry), 章节路径 (heading path), 匹配词
    /// (matched terms), 摘要 (snippet), 链接 (link).
    /// </summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["文档ID", "标题", "发文机关", "发文字号", "成文日期", "年份", "地区", "类型", "行业", "章节路径", "匹配词", "摘要", "链接"];

    /// <summary>Column widths in characters for a spreadsheet, one per header.</summary>
    public static IReadOnlyList<double> Widths { get; } = [24, 44, 26, 24, 12, 7, 12, 8, 18, 36, 16, 70, 48];

    /// <summary>The 年份 column, a number in a spreadsheet.</summary>
    public const int YearColumn = 5;

    /// <summary>The row of a hit; <paramref name="page"/> is the page's absolute address, which the link is resolved against.</summary>
    public static ExportRow From(SearchHit hit, string query, Uri page) => new(
        hit.DocumentId, hit.Title, string.Join("、", hit.Issuers), hit.DocumentNumber, hit.Date, hit.Year, hit.Region, hit.Type,
        string.Join("、", hit.Industries), string.Join(" > ", hit.HeadingPath), string.Join("、", SnippetText.MarkedTerms(hit.Snippet)),
        SnippetText.Plain(hit.Snippet), new Uri(page, SearchResponse.PageLink(hit.DocumentId, hit.SectionId, query)).AbsoluteUri);

    /// <summary>The cells as text, in the order of <see cref="Headers"/>; an absent value is empty.</summary>
    public IReadOnlyList<string?> Cells() =>
    [
        DocumentId, Title, Issuers, DocumentNumber, Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Year?.ToString(CultureInfo.InvariantCulture), Region, Type, Industries, HeadingPath, MatchedTerms, Summary, Link,
    ];
}
