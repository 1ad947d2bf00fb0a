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

    /// <summary>
    /// 被转发机关 — for a notice that forwards (转发, 批转) another organ's document, that organ
    /// (国务院办公厅转发国家地震局关于… → 国家地震局). It is not an issuer of this document.
    /// </summary>
    public IReadOnlyList<Found<string>> ForwardedFrom { get; init; } = [];

    /// <summary>发文字号 — issuing number.</summary>
    public Found<DocumentNumber>? DocumentNumber { get; init; }

    /// <summary>引用文号 — numbers of other documents the text cites (根据《…》（国办发〔2019〕29号）), in order.</summary>
    public IReadOnlyList<Found<DocumentNumber>> CitedNumbers { get; init; } = [];

    /// <summary>成文日期 — the date the document was signed.</summary>
    public Found<DateOnly>? SigningDate { get; init; }

    /// <summary>发布日期 — the date it was published (a web page's date line).</summary>
    public Found<DateOnly>? PublicationDate { get; init; }

    /// <summary>施行日期 — the date it takes effect (自2019年3月1日起施行), when printed.</summary>
    public Found<DateOnly>? EffectiveDate { get; init; }

    /// <summary>索引号 — the index number of a government information-disclosure page (014500815/2020-01655).</summary>
    public Found<string>? IndexNumber { get; init; }

    /// <summary>主题分类 — the subject category a disclosure page files it under (科技、教育).</summary>
    public Found<string>? Topic { get; init; }

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
