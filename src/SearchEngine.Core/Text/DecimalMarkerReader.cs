using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Decimal outline markers as 应急预案 (emergency plans) and technical documents print them: "1 总则", "1.1 编制目的",
/// "2.3.1 …" (the space is often lost in cleaning: "1.1编制目的"). A figure such as 1.5亿元, 2.1%, 3年 or 10个 is
/// refused here by the unit or measure word after it; one that reads like a heading is refused by the cursor,
/// which takes a decimal heading only where it continues the numbering.
/// </summary>
internal static class DecimalMarkerReader
{
    private const int MaxComponents = 5;

    /// <summary>Units and words that follow a number in running text; no section title starts with them.</summary>
    private const string FigureFollowers = "年月日时亿万千百元倍号岁吨米克件余%‰℃";

    public static bool TryRead(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        // The cleaner asks at every digit of a long paragraph: no allocation until a marker is found.
        Span<int> components = stackalloc int[MaxComponents];
        int count = 0;
        int end = pos;
        while (true)
        {
            int digitsStart = end;
            while (end < text.Length && end - digitsStart < 3 && char.IsAsciiDigit(text[end]))
                end++;
            int length = end - digitsStart;
            if (length is 0 or 3)
                return false; // no digits, or a figure such as 2025
            int n = int.Parse(text.AsSpan(digitsStart, length), provider: System.Globalization.CultureInfo.InvariantCulture);
            if (n == 0)
                return false;
            components[count++] = n;
            bool dot = end + 1 < text.Length && text[end] is '.' or '．' && char.IsAsciiDigit(text[end + 1]);
            if (!dot)
                break;
            if (count == MaxComponents)
                return false;
            end++;
        }
        if (count > 1 && end < text.Length && text[end] is '.' or '．' or '、')
            end++; // "1.1." and "1.1、" print a closing separator
        int titleAt = end;
        while (titleAt < text.Length && text[titleAt] is ' ' or '\u3000')
            titleAt++;
        if (titleAt >= text.Length || !OutlineMarker.IsHan(text[titleAt]) && text[titleAt] is not ('“' or '《'))
            return false;
        if (FigureFollowers.Contains(text[titleAt], StringComparison.Ordinal) || IsCountingWord(text, titleAt))
            return false;
        marker = new OutlineMarker(HeadingLevel.DecimalOutline, components[count - 1], titleAt - pos) { Components = components[..count].ToArray() };
        return true;
    }

    /// <summary>个 after a number counts things (10个), except in 个人 (personal), which a title may start with.</summary>
    private static bool IsCountingWord(string text, int at) =>
        text[at] == '个' && (at + 1 >= text.Length || text[at + 1] != '人');
}
