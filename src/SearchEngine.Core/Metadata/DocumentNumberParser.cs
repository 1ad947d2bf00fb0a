using System.Globalization;
using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// Finds and normalises 发文字号: 〔2021〕, (2021), [2021], （2021）, ［2021］ and "47 号" all denote one number.
/// The agency prefix is the Han run before the bracket, cut after any title words that run into it in merged
/// text (002: "…的通知湘政办发(2024)3号" → 湘政办发).
/// </summary>
public static partial class DocumentNumberParser
{
    private static readonly string[] TitleEndings =
        ["通知", "意见", "方案", "规划", "计划", "办法", "决定", "纲要", "批复", "复函", "通报", "答复", "公告", "通告", "报告", "规定", "细则", "要点", "的"];

    /// <summary>Parses a document number given on its own, e.g. "湘政办发(2021)47号". Null when it is not one.</summary>
    public static DocumentNumber? Parse(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success ? FromMatch(match) : null;
    }

    /// <summary>
    /// A line that is nothing but a document number, possibly in brackets: "国办发〔2019〕6号", "（新质监办发〔2012〕24号）",
    /// "江西省人民政府令 第223号", "中华人民共和国国务院令第706号" (an order: no year, prefix 国务院令).
    /// </summary>
    public static DocumentNumber? ParseLine(string line)
    {
        string t = line.Trim().Trim('　');
        if (t.Length is < 4 or > 60 || t[^1] is not ('号' or '）' or ')'))
            return null; // every line of a document is asked: most are answered here
        if (t.Length > 2 && t[0] is '（' or '(' && t[^1] is '）' or ')')
            t = t[1..^1].Trim();
        var match = Pattern().Match(t);
        if (match.Success && match.Index == 0 && match.Length == t.Length)
            return FromMatch(match);
        return ParseOrder(t);
    }

    /// <summary>An order's number printed whole: 江西省人民政府令第223号, 国家市场监督管理总局令 第20号.</summary>
    public static DocumentNumber? ParseOrder(string text)
    {
        var m = OrderPattern().Match(text.Trim());
        if (!m.Success)
            return null;
        string serial = m.Groups["serial"].Value;
        // Laws promulgated by 主席令 number their orders in Chinese numerals: 主席令第八十一号.
        if (!int.TryParse(serial, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && !Text.ChineseNumeral.TryParse(serial, out n))
            return null;
        return new DocumentNumber(OrderPrefix(m.Groups["prefix"].Value), null, n);
    }

    /// <summary>The issuer part of an order's prefix: 中华人民共和国国务院令 → 国务院令 (the form the order is cited by).</summary>
    public static string OrderPrefix(string printed)
    {
        const string State = "中华人民共和国";
        string p = printed.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);
        return p.StartsWith(State, StringComparison.Ordinal) && p.Length > State.Length + 1 ? p[State.Length..] : p;
    }

    /// <summary>The first document number in <paramref name="text"/> with its offset and the printed form.</summary>
    public static (DocumentNumber Number, int Offset, string Printed)? FindFirst(string text, int searchLength)
    {
        var match = Pattern().Match(text, 0, Math.Min(searchLength, text.Length));
        if (!match.Success)
            return null;
        var number = FromMatch(match);
        int prefixStart = match.Groups["prefix"].Index + match.Groups["prefix"].Length - number.Prefix.Length;
        return (number, prefixStart, text[prefixStart..(match.Index + match.Length)]);
    }

    /// <summary>Every document number in the text: the number, where its trimmed prefix starts, and where it ends.</summary>
    public static IEnumerable<(DocumentNumber Number, int Start, int End)> FindAll(string text)
    {
        // Only around an opening bracket followed by a year can a number stand: matching there alone keeps the
        // scan linear instead of trying a prefix of up to 12 characters at every Han character of the text.
        int done = 0;
        for (int from = 0; from < text.Length;)
        {
            int found = text.AsSpan(from).IndexOfAny(OpeningBrackets);
            if (found < 0)
                yield break;
            int at = from + found;
            from = at + 1;
            if (at < done || !YearFollows(text, at + 1))
                continue;
            int start = Math.Max(done, at - WindowBefore);
            int end = Math.Min(text.Length, at + WindowAfter);
            var match = Pattern().Match(text, start, end - start);
            if (!match.Success)
                continue;
            var number = FromMatch(match);
            var prefix = match.Groups["prefix"];
            done = match.Index + match.Length;
            yield return (number, prefix.Index + prefix.Length - number.Prefix.Length, done);
        }
    }

    /// <summary>
    /// Every document number in the text in any spelling people type or print, for search: besides what
    /// <see cref="FindAll"/> reads, 第 before the serial (湘政办发〔2021〕第47号) and no brackets at all when a space or
    /// 第 separates year and serial (湘政办发2021 47号). Kept apart from <see cref="FindAll"/>, which reads metadata and
    /// cited numbers, because a bracketless year after a Han word is only a number for the query box and the index.
    /// Linear: the pattern runs only in a bounded window around an opening bracket before a year, or a year right
    /// after an issuing word's last character (发 函 字 规 电).
    /// </summary>
    public static IEnumerable<(DocumentNumber Number, int Start, int End)> FindAllSpellings(string text)
    {
        int done = 0;
        for (int from = 0; from < text.Length;)
        {
            int found = text.AsSpan(from).IndexOfAny(SpellingStarts);
            if (found < 0)
                yield break;
            int at = from + found;
            from = at + 1;
            if (at < done || !(OpeningBrackets.Contains(text[at]) ? YearFollows(text, at + 1) : BareYearAt(text, at)))
                continue;
            int start = Math.Max(done, at - WindowBefore);
            int end = Math.Min(text.Length, at + SpellingWindowAfter);
            var match = SpellingPattern().Match(text, start, end - start);
            if (!match.Success)
                continue;
            var number = WithoutLeadWord(FromMatch(match));
            var prefix = match.Groups["prefix"];
            done = match.Index + match.Length;
            yield return (number, prefix.Index + prefix.Length - number.Prefix.Length, done);
        }
    }

    /// <summary>
    /// Words that run into a cited number in body text (根据湘政办发〔2021〕47号, 按照国办发…): cut from the prefix, so the
    /// citation is found by the number's own form. No issuing prefix contains them.
    /// </summary>
    private static readonly string[] LeadWords = ["根据", "按照", "依据", "依照", "参照", "对照", "遵照", "贯彻", "落实", "执行", "印发", "转发"];

    private static DocumentNumber WithoutLeadWord(DocumentNumber number)
    {
        string prefix = number.Prefix;
        foreach (var lead in LeadWords)
        {
            int at = prefix.LastIndexOf(lead, StringComparison.Ordinal);
            if (at >= 0 && prefix.Length - at - lead.Length >= 2)
                prefix = prefix[(at + lead.Length)..];
        }
        return prefix.Length == number.Prefix.Length ? number : number with { Prefix = prefix };
    }

    private static readonly System.Buffers.SearchValues<char> SpellingStarts = System.Buffers.SearchValues.Create("〔[（(［【12");

    /// <summary>Room after the bracket for spaces inside it and 第: 〔 2021 〕 第 47 号.</summary>
    private const int SpellingWindowAfter = 26;

    /// <summary>A year not preceded by a digit, right after (or one space after) the last character of an issuing word.</summary>
    private static bool BareYearAt(string text, int at)
    {
        int before = at - 1;
        if (before >= 0 && text[before] == ' ')
            before--;
        return before >= 0 && text[before] is '发' or '函' or '字' or '规' or '电' && YearFollows(text, at);
    }

    private static readonly System.Buffers.SearchValues<char> OpeningBrackets = System.Buffers.SearchValues.Create("〔[（(［【");

    /// <summary>Characters a number's prefix and spaces may take before the bracket, and the year, serial and 号 after it.</summary>
    private const int WindowBefore = 16, WindowAfter = 18;

    private static bool YearFollows(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
            at++;
        return at + 4 <= text.Length && text[at] is '1' or '2' && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2]) && char.IsAsciiDigit(text[at + 3]);
    }

    private static DocumentNumber FromMatch(Match match)
    {
        string prefix = match.Groups["prefix"].Value;
        foreach (var ending in TitleEndings)
        {
            int at = prefix.LastIndexOf(ending, StringComparison.Ordinal);
            if (at >= 0 && at + ending.Length < prefix.Length)
                prefix = prefix[(at + ending.Length)..];
        }
        int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        int serial = int.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture);
        return new DocumentNumber(prefix, year, serial);
    }

    // A ministry's order may carry its year: 交通运输部令2020年第1号 (kept in the prefix, as it is cited).
    [GeneratedRegex(@"^(?<prefix>[\u4e00-\u9fff]{2,24}令(?:[\s　]*(19|20)[0-9]{2}年)?)[\s　]*[（(]?第[\s　]*(?<serial>[0-9]{1,5}|[一二三四五六七八九十百千零〇]{1,8})[\s　]*号[）)]?$")]
    private static partial Regex OrderPattern();

    // The spellings of FindAllSpellings: 第 before the serial, and a bracketless year after an issuing word when a
    // space or 第 keeps it from running into the serial (湘政办发202147号 would be ambiguous).
    [GeneratedRegex(@"(?:(?<prefix>[\u4e00-\u9fff]{2,12})\s*[〔\[（(［【]\s*(?<year>(19|20)[0-9]{2})\s*[〕\]）)］】]\s*第?|(?<prefix>[\u4e00-\u9fff]{1,11}[发函字规电])\s?(?<year>(19|20)[0-9]{2})(?:\s+第?|第))\s*(?<serial>[0-9]{1,4})\s*号")]
    private static partial Regex SpellingPattern();

    [GeneratedRegex(@"(?<prefix>[\u4e00-\u9fff]{2,12})\s*[〔\[（(［【]\s*(?<year>(19|20)[0-9]{2})\s*[〕\]）)］】]\s*(?<serial>[0-9]{1,4})\s*号")]
    private static partial Regex Pattern();
}
