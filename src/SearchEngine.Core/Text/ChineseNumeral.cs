namespace SearchEngine.Core.Text;

/// <summary>Chinese numerals as outline headings print them: 一 … 十, 十一 … 九十九, and 〇/零.</summary>
public static class ChineseNumeral
{
    private const string Digits = "〇一二三四五六七八九";

    /// <summary>True for a character that can appear in a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) => c == '十' || c == '零' || Digits.Contains(c, StringComparison.Ordinal);

    /// <summary>True for a character of a numeral up to the hundreds (<see cref="TryParseHundreds"/>).</summary>
    public static bool IsHundredsNumeralChar(char c) => c == '百' || IsNumeralChar(c);

    /// <summary>Parses 一 (1) to 九十九 (99). Returns false for anything else, including the empty string.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 3)
            return false;

        int tenAt = text.IndexOf('十');
        if (tenAt < 0)
        {
            if (text.Length != 1)
                return false;
            value = DigitOf(text[0]);
            return value > 0;
        }

        int tens = tenAt == 0 ? 1 : (tenAt == 1 ? DigitOf(text[0]) : -1);
        var rest = text[(tenAt + 1)..];
        int ones = rest.IsEmpty ? 0 : (rest.Length == 1 ? DigitOf(rest[0]) : -1);
        if (tens <= 0 || ones < 0 || (!rest.IsEmpty && ones == 0))
            return false;
        value = (tens * 10) + ones;
        return true;
    }

    /// <summary>
    /// Parses 一 (1) to 九百九十九 (999) as article numbers print them: 一百, 一百零一, 一百一十, 二百三十五.
    /// Kept apart from <see cref="TryParse"/> because only regulations count past 99.
    /// </summary>
    public static bool TryParseHundreds(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        int hundredAt = text.IndexOf('百');
        if (hundredAt < 0)
            return TryParse(text, out value);
        if (hundredAt != 1)
            return false;
        int hundreds = DigitOf(text[0]);
        var rest = text[2..];
        int below = 0;
        if (!rest.IsEmpty)
        {
            // 一百零五: 零 stands for empty tens; 一百一十 prints its 一 before 十.
            bool zero = rest[0] is '零' or '〇';
            var tail = zero ? rest[1..] : rest;
            if (!TryParse(tail, out below) || (zero && below >= 10) || (!zero && below < 10))
                return false;
        }
        if (hundreds <= 0)
            return false;
        value = (hundreds * 100) + below;
        return true;
    }

    /// <summary>Writes 1..99 the way a heading prints it: 1 → 一, 11 → 十一, 20 → 二十.</summary>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 99);
        int tens = value / 10, ones = value % 10;
        string tensPart = tens switch { 0 => "", 1 => "十", _ => $"{Digits[tens]}十" };
        return ones == 0 ? tensPart : tensPart + Digits[ones];
    }

    private static int DigitOf(char c) => c == '零' ? 0 : Digits.IndexOf(c, StringComparison.Ordinal);
}
