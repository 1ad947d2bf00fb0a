namespace SearchEngine.Core.Text;

/// <summary>
/// Where a heading ends within its line. A short line is all heading ("（一）发展基础。"); a run-in heading ends at
/// the first 。 ("1.现代石化。推进石油化工…"); a merged heading with no 。 ends after a word headings end with
/// ("一、行动目标锚定…" → 行动目标); failing all, the heading is the marker alone.
/// </summary>
internal static class HeadingText
{
    /// <summary>Longest heading text, in characters after the marker, that we accept.</summary>
    public const int MaxLength = 40;

    private static readonly string[] FinalWords =
    [
        "目标", "要求", "举措", "任务", "措施", "保障", "机制", "原则", "思想", "方向", "路径", "基础", "形势",
        "布局", "重点", "意义", "背景", "行动", "工程", "产业",
    ];

    /// <summary>Length of the heading within <paramref name="line"/>, marker included.</summary>
    public static int HeadingLength(string line, int markerLength)
    {
        var rest = line.AsSpan(markerLength);
        int period = rest.IndexOf('。');
        if (rest.Length <= MaxLength && (period < 0 || period == rest.Length - 1))
            return line.Length;
        if (period >= 0 && period < MaxLength)
            return markerLength + period + 1;
        // The longest prefix ending in a heading word: 行动目标 rather than 行动.
        for (int len = Math.Min(16, rest.Length - 1); len >= 2; len--)
        {
            foreach (var word in FinalWords)
            {
                if (rest[..len].EndsWith(word, StringComparison.Ordinal))
                    return markerLength + len;
            }
        }
        return markerLength;
    }

    /// <summary>
    /// Length of an article's heading (第X条) within its line: the marker, and an article title printed in brackets
    /// after it ("第一条【立法目的】"); the article's text runs on after it in the same line.
    /// </summary>
    public static int ArticleHeadingLength(string line, int markerLength)
    {
        int at = markerLength;
        while (at < line.Length && line[at] is ' ' or '\u3000')
            at++;
        if (at >= line.Length || line[at] is not ('（' or '(' or '【' or '['))
            return markerLength;
        int close = line.AsSpan(at, Math.Min(MaxLength / 2, line.Length - at)).IndexOfAny("）)】]");
        return close > 1 ? at + close + 1 : markerLength;
    }

    /// <summary>
    /// The heading without its marker, surrounding spaces, brackets and final punctuation, and without the
    /// letter-spacing of short titles ("第一章　总　　则" → 总则).
    /// </summary>
    public static string TitleOf(string heading, int markerLength)
    {
        string title = heading[markerLength..].Trim().TrimEnd('。', '：', ':', '；', ';', '，', ',', ' ');
        if (title.Length >= 2 && title[0] is '【' or '[' && title[^1] is '】' or ']')
            title = title[1..^1];
        else if (title.Length >= 2 && title[0] is '（' or '(' && title[^1] is '）' or ')' && title.IndexOfAny(['）', ')']) == title.Length - 1)
            title = title[1..^1];
        return IsLetterSpaced(title) ? string.Concat(title.Where(c => c is not (' ' or '\u3000'))) : title;
    }

    /// <summary>What a breadcrumb shows for a regulation's or an attachment's heading: "第一章 总则", "附件1 XX方案".</summary>
    public static string Label(string marker, string title)
    {
        string number = marker.Trim().TrimEnd('：', ':').Trim();
        return title.Length == 0 ? number : number + " " + title;
    }

    /// <summary>Single characters separated by spaces: 总 则, 附 则.</summary>
    private static bool IsLetterSpaced(string title)
    {
        if (title.Length < 3)
            return false;
        for (int i = 0; i < title.Length; i++)
        {
            bool space = title[i] is ' ' or '\u3000';
            if (space != (i % 2 == 1))
                return false;
        }
        return true;
    }
}
