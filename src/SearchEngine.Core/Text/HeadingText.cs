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

    /// <summary>The heading without its marker, surrounding spaces and final punctuation.</summary>
    public static string TitleOf(string heading, int markerLength) =>
        heading[markerLength..].Trim().TrimEnd('。', '：', ':', '；', ';', '，', ',', ' ');
}
