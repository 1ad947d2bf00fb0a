namespace SearchEngine.Core.Documents;

/// <summary>The kind of heading in the Chinese official-document outline (公文层次序号).</summary>
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
}
