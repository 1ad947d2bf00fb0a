using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchEngine.Core.Metadata;

/// <summary>Dates as Chinese documents print them: 2021年8月19日, 二〇二一年八月十九日, 2021/8/27, 2022-03-05.</summary>
public static partial class ChineseDate
{
    /// <summary>A full date in Arabic digits, for patterns that find dates in their context: 2021年8月19日.</summary>
    internal const string DigitPattern = @"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日";

    /// <summary>A full date in Arabic digits or in Chinese numerals as signatures print it: 二〇二一年八月十九日.</summary>
    internal const string SignaturePattern = DigitPattern + @"|[〇一二三四五六七八九零O○]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月\s*[一二三四五六七八九十]{1,3}\s*日";

    /// <summary>All full dates in the text, in order, with their offsets and lengths.</summary>
    public static IEnumerable<(DateOnly Date, int Offset, int Length)> FindAll(string text)
    {
        foreach (Match m in Pattern().Matches(text))
        {
            if (TryBuild(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date))
                yield return (date, m.Index, m.Length);
        }
    }

    /// <summary>Parses one date in any of the supported forms; the whole string must be the date (spaces allowed).</summary>
    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (text.Length is < 6 or > 40)
            return false; // the whole string must be a date
        var m = Pattern().Match(text);
        return m.Success && TryBuild(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out date);
    }

    private static bool TryBuild(string y, string m, string d, out DateOnly date)
    {
        date = default;
        if (!TryNumber(y, out int year) || !TryNumber(m, out int month) || !TryNumber(d, out int day))
            return false;
        if (year is < 1949 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryNumber(string s, out int value)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            return true;
        if (s.Length == 4) // 二〇二一: digit by digit
        {
            value = 0;
            foreach (char c in s)
            {
                int digit = "〇一二三四五六七八九".IndexOf(c is 'O' or 'o' or '零' or '○' ? '〇' : c, StringComparison.Ordinal);
                if (digit < 0)
                    return false;
                value = (value * 10) + digit;
            }
            return true;
        }
        return Text.ChineseNumeral.TryParse(s, out value);
    }

    [GeneratedRegex(@"(?<y>\d{4}|[〇一二三四五六七八九零Oo○]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日|(?<y>\d{4})[/\-.](?<m>\d{1,2})[/\-.](?<d>\d{1,2})(?!\d)")]
    private static partial Regex Pattern();
}
