using System.Text;

namespace SearchEngine.Core.Text;

/// <summary>
/// Removes the spaces an extraction puts into Chinese text ("2020 年", "47 号", "二 O 三五年", "1 .争创"):
/// a space next to a Han character or full-width punctuation carries no meaning in Chinese typesetting.
/// Spaces between Latin words, and one space between two Han characters, stay. Other characters are kept as printed.
/// </summary>
internal static class SpacingNormalizer
{
    public static string Normalize(string line)
    {
        var sb = new StringBuilder(line.Length);
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c is not (' ' or '\u3000' or '\u00a0' or '\t'))
            {
                sb.Append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < line.Length && line[end] is ' ' or '\u3000' or '\u00a0' or '\t')
                end++;
            char prev = sb.Length > 0 ? sb[^1] : '\0';
            char next = end < line.Length ? line[end] : '\0';
            // Between two Han characters a space separates names (003: 中共湖南省委 湖南省人民政府): keep one.
            bool separatesNames = OutlineMarker.IsHan(prev) && OutlineMarker.IsHan(next);
            bool meaningless = !separatesNames && (
                prev == '\0' || next == '\0'
                || CharClass.IsWide(prev) || CharClass.IsWide(next)
                || (char.IsAsciiDigit(prev) && next is '.' or '．')); // "1 .争创"
            if (!meaningless)
                sb.Append(' ');
            i = end;
        }
        return sb.ToString();
    }
}
