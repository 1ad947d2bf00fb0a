namespace SearchEngine.Core.Documents;

/// <summary>
/// A document's descriptive fields. Each is null (or empty) when the text gives no evidence; nothing is invented.
/// </summary>
public sealed record DocumentMetadata
{
    /// <summary>标题 — the title a reader would cite: for a notice that forwards a plan, the plan's title.</summary>
    public Found<string>? Title { get; init; }

    /// <summary>通知标题 — the forwarding notice's own title (关于印发…的通知), when there is one.</summary>
    public Found<string>? NoticeTitle { get; init; }

    /// <summary>发文机关 — issuing authorities; joint issuers give several.</summary>
    public IReadOnlyList<Found<string>> Issuers { get; init; } = [];

    /// <summary>发文字号 — issuing number.</summary>
    public Found<DocumentNumber>? DocumentNumber { get; init; }

    /// <summary>成文日期 — the date the document was signed.</summary>
    public Found<DateOnly>? SigningDate { get; init; }

    /// <summary>发布日期 — the date it was published (a web page's date line).</summary>
    public Found<DateOnly>? PublicationDate { get; init; }

    /// <summary>来源 — the site or body that published the file (a page's header or ContentSource meta tag).</summary>
    public Found<string>? Publisher { get; init; }

    /// <summary>年份 — the year the document belongs to.</summary>
    public Found<int>? Year { get; init; }

    /// <summary>地区 — the region the document governs, with its administrative level.</summary>
    public Found<Region>? Region { get; init; }

    /// <summary>文种 — document type: 规划, 行动计划, 指导意见, 实施方案, 通知, …</summary>
    public Found<string>? DocumentType { get; init; }

    /// <summary>规划期 — the five-year plan period the document names, e.g. 十四五 (2021–2025).</summary>
    public Found<PlanningPeriod>? PlanningPeriod { get; init; }
}
