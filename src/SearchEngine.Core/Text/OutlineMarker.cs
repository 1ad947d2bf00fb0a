using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// 层次序号 — a heading marker of the official-document outline at some position in the text:
/// 一、 (part), （一） (一) or ㈠ (chapter), 1. 1． 1、 "1 ." or ⒈ (item), （1） (1) or ⑴ (sub-item), 专栏N (box);
/// in regulations 第X编 第X章 第X节 第X条 (<see cref="LawMarkerReader"/>); decimal outlines 1 / 1.1 / 1.1.1
/// (<see cref="DecimalMarkerReader"/>); attachments 附件N (<see cref="AttachmentMarkerReader"/>).
/// This is the one place the cleaner and the section splitter ask what a marker looks like.
/// </summary>
/// <param name="Level">The heading kind.</param>
/// <param name="Number">The ordinal printed; for a decimal heading its last component (1.2.3 → 3).</param>
/// <param name="Length">Characters the marker occupies, so the heading text starts at position + Length.</param>
internal readonly record struct OutlineMarker(HeadingLevel Level, int Number, int Length)
{
    /// <summary>All components of a decimal heading (1.2.3 → [1, 2, 3]); null for every other kind.</summary>
    public IReadOnlyList<int>? Components { get; init; }

    /// <summary>Nesting depth within its own family: the component count of a decimal heading, else 1.</summary>
    public int Depth => Components?.Count ?? 1;

    /// <summary>
    /// Reads a marker at <paramref name="pos"/>. <paramref name="expectedItem"/> is the item number the outline
    /// expects next; only for it an OCR-damaged marker such as "IL" (for 11) is accepted, since elsewhere the
    /// same letters are ordinary text.
    /// </summary>
    public static bool TryRead(string text, int pos, out OutlineMarker marker, int expectedItem = -1)
    {
        marker = default;
        if (pos >= text.Length)
            return false;
        char c = text[pos];

        if (ChineseNumeral.IsNumeralChar(c))
            return TryReadPart(text, pos, out marker);
        if (c is '（' or '(')
            return TryReadParenthesised(text, pos, out marker);
        if (char.IsAsciiDigit(c))
            return TryReadItem(text, pos, out marker) || DecimalMarkerReader.TryRead(text, pos, out marker);
        if (c == '专')
            return TryReadBox(text, pos, out marker);
        if (c == '第')
            return LawMarkerReader.TryRead(text, pos, out marker);
        if (c == '附')
            return AttachmentMarkerReader.TryRead(text, pos, out marker);
        if (EnclosedNumeralReader.TryRead(text, pos, out marker))
            return StartsHeadingText(text, pos + marker.Length);
        if (expectedItem >= 10 && c is 'I' or 'l' or 'L' or '|')
            return TryReadOcrItem(text, pos, expectedItem, out marker);
        return false;
    }

    private static bool TryReadPart(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        int end = pos;
        while (end < text.Length && end - pos < 3 && ChineseNumeral.IsNumeralChar(text[end]))
            end++;
        if (end >= text.Length || text[end] != '、' || !ChineseNumeral.TryParse(text.AsSpan(pos, end - pos), out int n))
            return false;
        if (!StartsHeadingText(text, end + 1))
            return false;
        marker = new OutlineMarker(HeadingLevel.Part, n, end + 1 - pos);
        return true;
    }

    private static bool TryReadParenthesised(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        int close = -1;
        for (int i = pos + 1; i < text.Length && i <= pos + 4; i++)
        {
            if (text[i] is '）' or ')')
            {
                close = i;
                break;
            }
        }
        if (close < 0)
            return false;
        var inner = text.AsSpan(pos + 1, close - pos - 1).Trim();
        HeadingLevel level;
        int n;
        if (ChineseNumeral.TryParse(inner, out n))
            level = HeadingLevel.Chapter;
        else if (inner.Length is 1 or 2 && int.TryParse(inner, out n) && n > 0)
            level = HeadingLevel.SubItem;
        else
            return false;
        if (!StartsHeadingText(text, close + 1))
            return false;
        marker = new OutlineMarker(level, n, close + 1 - pos);
        return true;
    }

    private static bool TryReadItem(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        int end = pos;
        while (end < text.Length && end - pos < 2 && char.IsAsciiDigit(text[end]))
            end++;
        if (end < text.Length && char.IsAsciiDigit(text[end]))
            return false; // three digits: a figure such as 2025, not an item number
        int sep = end;
        while (sep < text.Length && sep - end < 2 && text[sep] == ' ')
            sep++; // PDF and scraped text print "1 .争创"
        if (sep >= text.Length || text[sep] is not ('.' or '．' or '、'))
            return false;
        if (!StartsHeadingText(text, sep + 1) || char.IsAsciiDigit(text[sep + 1]))
            return false; // 1.8件 is a decimal
        int n = int.Parse(text.AsSpan(pos, end - pos), provider: System.Globalization.CultureInfo.InvariantCulture);
        if (n == 0)
            return false;
        marker = new OutlineMarker(HeadingLevel.Item, n, sep + 1 - pos);
        return true;
    }

    private static bool TryReadBox(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        if (!text.AsSpan(pos).StartsWith("专栏", StringComparison.Ordinal))
            return false;
        int end = pos + 2;
        while (end < text.Length && text[end] == ' ')
            end++;
        int digitsStart = end;
        while (end < text.Length && end - digitsStart < 3 && char.IsAsciiDigit(text[end]))
            end++;
        int n = end > digitsStart
            ? int.Parse(text.AsSpan(digitsStart, end - digitsStart), provider: System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        int chineseEnd = end;
        if (n == 0)
        {
            while (chineseEnd < text.Length && chineseEnd - end < 3 && ChineseNumeral.IsNumeralChar(text[chineseEnd]))
                chineseEnd++;
            if (!ChineseNumeral.TryParse(text.AsSpan(end, chineseEnd - end), out n))
                n = 0;
            end = chineseEnd;
        }
        if (end < text.Length && text[end] is ':' or '：' or ' ' or '\u3000')
            end++;
        marker = new OutlineMarker(HeadingLevel.Box, n, end - pos);
        return true;
    }

    private static bool TryReadOcrItem(string text, int pos, int expectedItem, out OutlineMarker marker)
    {
        // OCR reads "11." as "IL", "Il", "ll" or "1l": two characters that look like 1, the dot often lost.
        marker = default;
        if (expectedItem != 11 || pos + 2 >= text.Length)
            return false;
        bool looksLikeOne(char ch) => ch is 'I' or 'l' or 'L' or '1' or '|';
        if (!looksLikeOne(text[pos]) || !looksLikeOne(text[pos + 1]))
            return false;
        int end = pos + 2;
        if (text[end] is '.' or '．')
            end++;
        if (!IsHan(text[end]))
            return false;
        marker = new OutlineMarker(HeadingLevel.Item, 11, end - pos);
        return true;
    }

    /// <summary>A heading's text starts with a Han character, an opening quote or bracket, or a letter.</summary>
    internal static bool StartsHeadingText(string text, int pos)
    {
        while (pos < text.Length && text[pos] == ' ')
            pos++;
        if (pos >= text.Length)
            return false;
        char c = text[pos];
        return IsHan(c) || c is '“' or '"' or '《' or '「' or '（' or '(' or '‘' || char.IsAsciiLetter(c) || char.IsAsciiDigit(c);
    }

    /// <summary>CJK unified ideographs (basic block and extension A).</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
