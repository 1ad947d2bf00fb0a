namespace SearchEngine.Core.Text;

/// <summary>Character classes the cleaning rules are written in.</summary>
internal static class CharClass
{
    /// <summary>Han characters and full-width (CJK) punctuation: text where spaces carry no meaning.</summary>
    public static bool IsWide(char c) =>
        OutlineMarker.IsHan(c)
        || c is >= '\u3000' and <= '\u303f'   // CJK symbols and punctuation
        || c is >= '\uff00' and <= '\uffef'   // full-width forms
        || c is >= '\u2018' and <= '\u201f'   // curly quotes
        || c is '—' or '…' or '·';

    /// <summary>Punctuation that ends a sentence or a clause list; a line ending in one may end a paragraph.</summary>
    public static bool IsTerminal(char c) => c is '。' or '！' or '？' or '；' or '：' or '!' or '?' or ';' or ':';

    /// <summary>Characters after which an inline heading may begin in run-on text.</summary>
    public static bool IsSentenceBoundary(char c) => IsTerminal(c) || c is '）' or ')' or '”' or '」' or '】';
}
