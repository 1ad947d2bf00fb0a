namespace SearchEngine.Core.Documents;

/// <summary>
/// The kind of heading in the Chinese official-document outline (公文层次序号), in regulations (法规结构:
/// 编 章 节 条) and in decimal outlines. The numeric values are stored in the index, so new kinds go at the end;
/// nesting order is not the numeric order (see <c>OutlineRank</c> in SearchEngine.Core.Text).
/// </summary>
public enum HeadingLevel
{
    /// <summary>前言 — everything before the first heading: notice title, number, addressees, signature.</summary>
    Preamble = 0,

    /// <summary>一、 — first-level part.</summary>
    Part = 1,

    /// <summary>（一） — second-level chapter.</summary>
    Chapter = 2,

    /// <summary>1. — third-level item.</summary>
    Item = 3,

    /// <summary>（1） — fourth-level sub-item.</summary>
    SubItem = 4,

    /// <summary>专栏 — an unnumbered box (专栏1：…) nested under the section it appears in.</summary>
    Box = 5,

    /// <summary>
    /// 附件 — an attachment ("附件1" followed by its title) or a document forwarded by a notice (印发…的通知 prints
    /// the plan after its signature); its own outline restarts and nests under it.
    /// </summary>
    Attachment = 6,

    /// <summary>编 — volume (第一编), the top division of a long regulation; also 第一篇 and 第一部分 (part) of plans and reports.</summary>
    Volume = 7,

    /// <summary>章 — chapter of a regulation (第一章 总则), distinct from the （一） chapter of a notice.</summary>
    LawChapter = 8,

    /// <summary>节 — section of a regulation chapter (第一节).</summary>
    LawSection = 9,

    /// <summary>条 — article (第一条), the unit a regulation is cited by; its 款 and 项 stay its text.</summary>
    Article = 10,

    /// <summary>
    /// 数字编号 — decimal outline heading (1 总则, 1.1 编制目的, 1.1.1 …) as in 应急预案 (emergency plans);
    /// its depth is the number of components.
    /// </summary>
    DecimalOutline = 11,
}
