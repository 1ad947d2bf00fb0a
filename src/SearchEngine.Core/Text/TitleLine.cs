namespace SearchEngine.Core.Text;

/// <summary>
/// Whether a line reads as the title of a document (标题): short, no sentence punctuation at its end, not a
/// date, not a bracketed note such as （此件公开发布）, not a heading. An attachment's title follows its 附件 line;
/// a forwarded plan's title comes between the notice's signature and the plan's own outline.
/// </summary>
internal static class TitleLine
{
    private const int MinLength = 4;
    private const int MaxLength = 50;

    /// <summary>Words a document title ends with (文种 and its kin): 方案, 报告, 清单, 样图 …</summary>
    private static readonly string[] TitleEndings =
    [
        "方案", "报告", "意见", "办法", "规定", "细则", "条例", "规则", "规划", "计划", "措施", "通知", "决定", "要点",
        "指南", "标准", "制度", "清单", "目录", "名单", "名录", "说明", "指标", "表", "图",
    ];

    public static bool Looks(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length is < MinLength or > MaxLength)
            return false;
        char first = line[0], last = line[^1];
        if (!OutlineMarker.IsHan(first) && first is not ('《' or '“'))
            return false;
        if (CharClass.IsTerminal(last) || last is '，' or ',' or '、' || line.IndexOfAny('：', ':', '。') >= 0)
            return false;
        if (last == '日' && line.Contains('年'))
            return false; // 2018年12月18日, the signature's date
        string s = line.ToString();
        return !OutlineMarker.TryRead(s, 0, out _);
    }

    /// <summary>
    /// Whether <paramref name="next"/> is the second line of a title printed on two lines: the first does not end
    /// with a word titles end with, the second does ("关于湖北省巴东县官渡口镇马鬃山村" + "地质险情调研情况的报告").
    /// </summary>
    public static bool ContinuesTitle(string title, ReadOnlySpan<char> next)
    {
        next = next.Trim();
        return !EndsLikeTitle(title) && Looks(next) && EndsLikeTitle(next) && title.Length + next.Length <= MaxLength;
    }

    private static bool EndsLikeTitle(ReadOnlySpan<char> line)
    {
        foreach (var ending in TitleEndings)
        {
            if (line.EndsWith(ending, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a line reads as the text of a heading whose marker stands alone on the line above: "（三）" then
    /// "合理用药" in a table, "第一章" then "总　则" in a PDF. Short, no sentence punctuation, not itself a heading.
    /// </summary>
    public static bool LooksLikeHeadingText(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || line.Length > HeadingText.MaxLength)
            return false;
        if (!OutlineMarker.IsHan(line[0]) && line[0] is not ('《' or '“'))
            return false;
        if (line.IndexOfAny('。', '；', ';') >= 0 || line[^1] is '，' or ',' or '、' or '：' or ':')
            return false;
        return !OutlineMarker.TryRead(line.ToString(), 0, out _);
    }
}
