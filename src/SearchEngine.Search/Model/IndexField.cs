namespace SearchEngine.Search.Model;

/// <summary>
/// The text fields of an indexed section. Each has a second, weaker scoring field for the sub-words the
/// analyzer adds inside long words, so a whole-word match outranks a match inside a longer word.
/// </summary>
public enum IndexField
{
    /// <summary>标题 — the document's title, repeated for each of its sections.</summary>
    Title = 0,

    /// <summary>章节路径 — the section's heading path.</summary>
    Heading = 1,

    /// <summary>正文 — the section's own text.</summary>
    Body = 2,

    /// <summary>责任单位 — the responsible units named for the section.</summary>
    Units = 3,
}

/// <summary>Counts and numbering of fields in postings: 4 text fields, each with whole-word and sub-word scoring.</summary>
internal static class IndexFields
{
    public const int TextFieldCount = 4;
    public const int ScoringFieldCount = 8;

    public static int Scoring(IndexField field, bool subWord) => (int)field + (subWord ? TextFieldCount : 0);
}
