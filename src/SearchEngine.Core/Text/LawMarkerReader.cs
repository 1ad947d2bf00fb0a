using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Markers of a regulation (条例, 办法, 规定, 细则): 第X编 (volume), 第X章 (chapter), 第X节 (section), 第X条
/// (article), numbered in Chinese up to the hundreds (第一百零一条) or in Arabic digits (第1条). 第X款 and 第X项 are
/// not headings: the article is the unit a regulation is cited by. Plans (规划) and budget reports print the same
/// top division as 第X篇 or 第X部分 (part); both read as a volume.
/// </summary>
internal static class LawMarkerReader
{
    /// <summary>
    /// Characters that, right after "第X条" with no space between, show a citation rather than an article:
    /// 第十条第二款, 第十条规定的, 第十条、第十一条, 第十条至第十五条, 第十条所称.
    /// </summary>
    private const string CitationFollowers = "第规的、至和或及中之所款项，,";

    public static bool TryRead(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        int start = pos + 1;
        int end = start;
        bool arabic = end < text.Length && char.IsAsciiDigit(text[end]);
        while (end < text.Length && end - start < 7
               && (arabic ? char.IsAsciiDigit(text[end]) : ChineseNumeral.IsHundredsNumeralChar(text[end])))
            end++;
        if (end == start || end >= text.Length)
            return false;
        var digits = text.AsSpan(start, end - start);
        int number = 0;
        bool parsed = arabic
            ? digits.Length <= 3 && int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out number)
            : ChineseNumeral.TryParseHundreds(digits, out number);
        if (!parsed || number == 0)
            return false;
        HeadingLevel level = text[end] switch
        {
            '编' or '篇' => HeadingLevel.Volume,
            '部' when end + 1 < text.Length && text[end + 1] == '分' => HeadingLevel.Volume,
            '章' => HeadingLevel.LawChapter,
            '节' => HeadingLevel.LawSection,
            '条' => HeadingLevel.Article,
            _ => HeadingLevel.Preamble,
        };
        if (level == HeadingLevel.Preamble)
            return false;
        end += text[end] == '部' ? 2 : 1;
        if (end < text.Length && CitationFollowers.Contains(text[end], StringComparison.Ordinal))
            return false;
        marker = new OutlineMarker(level, number, end - pos);
        return true;
    }
}
