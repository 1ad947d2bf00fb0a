using System.Text.RegularExpressions;

namespace SearchEngine.Search.Querying;

/// <summary>
/// Tells the query lexer where brackets and spaces belong to a word rather than to the query syntax: inside a
/// 发文字号 as researchers type it (湘政办发(2024)3号, 湘政办发（2021）47号, 湘政办发〔2021〕47 号, 湘政办发 〔2021〕第47号,
/// 湘政办发2021 47号), and in a term with parentheses inside it such as 盐(氟)化工.
/// </summary>
internal static partial class WordParentheses
{
    /// <summary>
    /// Where each document number of the query starts (at the last Han character before its year) and ends, in
    /// order: spaces and brackets inside these ranges are part of the word.
    /// </summary>
    public static List<(int Start, int End)> NumberRanges(string query)
    {
        var ranges = new List<(int, int)>();
        for (var m = QueryNumber().Match(query); m.Success; m = m.NextMatch())
            ranges.Add((m.Index, m.Index + m.Length));
        return ranges;
    }

    /// <summary>
    /// Whether the '(' at <paramref name="open"/>, glued to the word before it (no space), is part of that word, and
    /// if so the index of its ')'. It is when the ')' is followed by more word characters (盐(氟)化工, 湘政办发(2024)3号),
    /// or when the brackets hold a year (湘政办发(2021): a number's prefix and year, which a group would gain nothing from).
    /// Otherwise it is grouping, as in 氢能(储能 OR 氢气).
    /// </summary>
    public static bool TryGluedClose(string query, int open, out int close)
    {
        close = -1;
        int j = open + 1;
        // The scan stops at the next bracket, bar or quote, so the stretches scanned from each '(' never overlap:
        // linear in the query.
        while (j < query.Length && query[j] is not (')' or '）'))
        {
            if (query[j] is '(' or '（' or '|' or '｜' or '"' or '“' or '”' or '＂')
                return false;
            j++;
        }
        if (j >= query.Length || j == open + 1)
            return false;
        bool year = IsYear(query.AsSpan(open + 1, j - open - 1).Trim());
        bool wordFollows = j + 1 < query.Length && !char.IsWhiteSpace(query[j + 1])
            && query[j + 1] is not ('(' or '（' or ')' or '）' or '|' or '｜' or '"' or '“' or '”' or '＂');
        if (!year && (!wordFollows || ContainsSpace(query, open + 1, j)))
            return false;
        close = j;
        return true;
    }

    private static bool ContainsSpace(string s, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (char.IsWhiteSpace(s[k]))
                return true;
        }
        return false;
    }

    /// <summary>19xx or 20xx, in ASCII or full-width digits.</summary>
    private static bool IsYear(ReadOnlySpan<char> s) =>
        s.Length == 4 && char.IsDigit(s[0]) && char.IsDigit(s[1]) && char.IsDigit(s[2]) && char.IsDigit(s[3])
        && (int)char.GetNumericValue(s[0]) is 1 or 2;

    // The last Han character of the prefix, optional spaces, the year in any bracket (or bare after an issuing word's
    // last character, then a space or 第), optional 第 and spaces, the serial and 号; \d and \s take full-width
    // digits and the ideographic space as typed. Mirrors DocumentNumberParser's spellings, on the raw query.
    [GeneratedRegex(@"[\u4e00-\u9fff]\s*(?:[〔\[(（［【]\s*[12１２]\d{3}\s*[〕\])）］】]\s*第?|(?<=[发函字规电])\s?[12１２]\d{3}(?:\s+第?|第))\s*\d{1,4}\s*号")]
    private static partial Regex QueryNumber();
}
