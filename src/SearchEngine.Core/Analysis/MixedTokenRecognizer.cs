using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// Finds the tokens that are not words of a dictionary and must stay whole: 发文字号 (湘政办发〔2021〕47号),
/// year ranges (2021—2025年), dates, ordinals and counts with their unit (2025年, 8月, 47号, 412家), percentages (9.9%),
/// Latin-and-digit terms (5g, v2.0, 5g-a, c919) and numbers (4190.73). Each span becomes one edge of the
/// segmentation graph that the segmenter cannot cut, and knows its searchable parts.
/// </summary>
internal static partial class MixedTokenRecognizer
{
    /// <summary>A recognised span of normalised text, its token text and its parts.</summary>
    public readonly record struct Span(int Start, int End, TokenKind Kind, string Text, IReadOnlyList<(string Text, int Start)> Parts);

    /// <summary>The spans of <paramref name="normalized"/>, ordered by start and never overlapping.</summary>
    public static List<Span> Find(string normalized)
    {
        var spans = new List<Span>();
        Find(normalized, spans);
        return spans;
    }

    /// <summary>Adds the spans of <paramref name="normalized"/> to <paramref name="spans"/> (a list the caller reuses).</summary>
    public static void Find(string normalized, List<Span> spans)
    {
        // Document numbers come in text order and do not overlap: FindAllSpellings scans forward and each search starts
        // where the previous number ended. A pattern match that overlaps one is dropped.
        var numbers = new List<Span>();
        foreach (var (number, start, end) in DocumentNumberParser.FindAllSpellings(normalized))
            numbers.Add(new Span(start, end, TokenKind.DocumentNumber, Canonical(number), NumberParts(normalized, number, start, end)));
        // Pattern matches come in text order too, so one merge of the two ordered lists both drops the matches that
        // overlap a number and orders the result. (Checking every match against every span, as before, cost O(n²)
        // in a table of numbers: 120k spans took 9 s.)
        int next = 0;
        foreach (var (windowStart, windowEnd) in Windows(normalized))
        {
            // Match and NextMatch rather than Matches: a MatchCollection keeps every match it has produced.
            for (var m = Pattern().Match(normalized, windowStart, windowEnd - windowStart); m.Success; m = m.NextMatch())
            {
                int end = m.Index + m.Length;
                while (next < numbers.Count && numbers[next].End <= m.Index)
                    spans.Add(numbers[next++]);
                // numbers[next] is the first that ends after the match starts: the only one that can overlap it.
                if (next < numbers.Count && numbers[next].Start < end)
                    continue;
                spans.Add(FromMatch(m));
            }
        }
        while (next < numbers.Count)
            spans.Add(numbers[next++]);
    }

    /// <summary>Characters a match of <see cref="Pattern"/> starts with: every branch begins with \d or [a-z0-9].</summary>
    private static readonly SearchValues<char> MatchStarts = SearchValues.Create(DecimalDigits() + "abcdefghijklmnopqrstuvwxyz");

    /// <summary>Every character a match of <see cref="Pattern"/> can contain, and so all its lookarounds can test.</summary>
    private static readonly SearchValues<char> MatchCharacters =
        SearchValues.Create(DecimalDigits() + "abcdefghijklmnopqrstuvwxyz .-—–~～至到年月日号家个项座名件所户届次%+/&#");

    /// <summary>
    /// The stretches of text that can hold a match: each a maximal run of <see cref="MatchCharacters"/> containing a
    /// <see cref="MatchStarts"/> character. Most of a Chinese text holds none, and the regex scans for a start one
    /// character at a time (\d is any Unicode digit), where IndexOfAny scans many at once. Matching inside a window
    /// alone finds what matching the whole text finds: no match crosses a character outside the set, and the
    /// character before a window, outside the set, is neither a digit nor '.', which is all a lookbehind asks.
    /// </summary>
    private static IEnumerable<(int Start, int End)> Windows(string text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int found = text.AsSpan(from).IndexOfAny(MatchStarts);
            if (found < 0)
                yield break;
            int start = from + found;
            while (start > from && MatchCharacters.Contains(text[start - 1]))
                start--;
            int after = text.AsSpan(from + found).IndexOfAnyExcept(MatchCharacters);
            int end = after < 0 ? text.Length : from + found + after;
            yield return (start, end);
            from = end;
        }
    }

    /// <summary>The characters \d matches: Unicode category Nd.</summary>
    private static string DecimalDigits()
    {
        var digits = new System.Text.StringBuilder();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (CharUnicodeInfo.GetUnicodeCategory((char)c) == UnicodeCategory.DecimalDigitNumber)
                digits.Append((char)c);
        }
        return digits.ToString();
    }

    private static Span FromMatch(Match m)
    {
        string text = Compact(m.Value);
        if (m.Groups["range"].Success)
        {
            // Parts: each year, and the last with its 年 as printed (2025年), as a single date would index it.
            var years = Years().Matches(m.Value);
            var parts = years.Select(y => (y.Value, m.Index + y.Index)).ToList();
            if (m.Value.EndsWith('年'))
                parts.Add((years[^1].Value + "年", m.Index + years[^1].Index));
            return new Span(m.Index, m.Index + m.Length, TokenKind.Quantity, FoldDashes(text), parts);
        }
        if (m.Groups["quantity"].Success)
        {
            var number = m.Groups["amount"];
            return new Span(m.Index, m.Index + m.Length, TokenKind.Quantity, text, [(number.Value, number.Index)]);
        }
        if (m.Groups["alnum"].Success)
        {
            var parts = AlnumParts().Matches(m.Value);
            return new Span(m.Index, m.Index + m.Length, TokenKind.Alphanumeric, text,
                parts.Count > 1 ? [.. parts.Select(p => (p.Value, m.Index + p.Index))] : []);
        }
        return new Span(m.Index, m.Index + m.Length, TokenKind.Number, text, []);
    }

    /// <summary>
    /// The one form every spelling of a number is searched by: 湘政办发(2021)47号 for 湘政办发〔2021〕47号, (2021),
    /// 【2021】, 〔2021〕第47号, "47 号" and 湘政办发2021 47号, with the serial as a number (047 → 47).
    /// </summary>
    public static string Canonical(DocumentNumber number) => number.Year is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"{Text.SearchFolding.Fold(number.Prefix)}({year}){number.Serial}号")
        : Text.SearchFolding.Fold(number.ToString());

    /// <summary>The parts a number is also found by inside the text: its prefix, its year and its serial with 号, where printed.</summary>
    private static List<(string Text, int Start)> NumberParts(string normalized, DocumentNumber number, int start, int end)
    {
        var parts = new List<(string, int)> { (number.Prefix, start) };
        int prefixEnd = start + number.Prefix.Length;
        if (number.Year is { } year)
        {
            string printed = year.ToString(CultureInfo.InvariantCulture);
            int at = normalized.IndexOf(printed, prefixEnd, end - prefixEnd, StringComparison.Ordinal);
            if (at >= 0)
            {
                parts.Add((printed, at));
                prefixEnd = at + printed.Length;
            }
        }
        // The serial is the digit run before 号 at the end, spaces allowed between them.
        int serialEnd = end - 1;
        while (serialEnd > prefixEnd && normalized[serialEnd - 1] == ' ')
            serialEnd--;
        int serialStart = serialEnd;
        while (serialStart > prefixEnd && char.IsAsciiDigit(normalized[serialStart - 1]))
            serialStart--;
        if (serialStart < serialEnd)
            parts.Add((normalized[serialStart..serialEnd] + "号", serialStart));
        return parts;
    }

    /// <summary>Spaces inside a recognised token are extraction noise ("47 号").</summary>
    private static string Compact(string s) => s.Contains(' ', StringComparison.Ordinal) ? s.Replace(" ", "", StringComparison.Ordinal) : s;

    /// <summary>One dash for ranges, whichever was printed (— – ～ ~ 至 到), so 2021-2025年 matches 2021—2025年.</summary>
    private static string FoldDashes(string s) => DashLike().Replace(s, "-");

    /// <summary>Internal so a test can check <see cref="Find(string)"/> against the plain quadratic merge it replaced.</summary>
    [GeneratedRegex(@"(?<range>(?<![\d.])(?:19|20)\d{2} ?[-—–~～至到] ?(?:19|20)\d{2}年?)|(?<quantity>(?<amount>(?<![\d.])\d{1,6}) ?(?:年|月|日|号|家|个|项|座|名|件|所|户|届|次)|(?<amount>\d+(?:\.\d+)?) ?%)|(?<alnum>(?=[a-z0-9]*[a-z])[a-z0-9]+(?:[.\-+/&][a-z0-9]+)*[+#]*)|(?<number>\d+(?:\.\d+)*)")]
    internal static partial Regex Pattern();

    [GeneratedRegex(@"(?:19|20)\d{2}")]
    private static partial Regex Years();

    /// <summary>Parts of a Latin-and-digit token: split at joiners, keeping decimal points between digits.</summary>
    [GeneratedRegex(@"[a-z0-9]+(?:\.\d+)*")]
    private static partial Regex AlnumParts();

    [GeneratedRegex(@" ?[—–~～至到-] ?")]
    private static partial Regex DashLike();
}
