using System.Text.RegularExpressions;

namespace SearchEngine.Core.Targets;

/// <summary>
/// 指标 — the indicator's words out of the text before its verb: the framing a plan prints around it (力争, 到2025年,
/// 全省, 其中, 年均) removed from both ends, so 力争到2025年全省战略性新兴产业增加值占地区生产总值比重 reads
/// 战略性新兴产业增加值占地区生产总值比重.
/// </summary>
internal static partial class IndicatorText
{
    /// <summary>Longest indicator kept; a longer run is a clause the splitter could not cut, whose tail names the indicator.</summary>
    private const int MaxLength = 40;

    [GeneratedRegex("^(?:力争|争取|确保|努力|预计|计划|主要预期目标是|预期目标是|主要目标是|目标是|其中|同时|并且|并|且|和|与|及|以及|使|推动|推进|实现|全年|今年|明年|年内|力求|到|至|(?:19|20)\\d\\d年(?:底前|底|末|前)?|[“\"]?十[一二三四五六]五[”\"]?(?:末|期末|期间|时期)?|期末|全省|全市|全区|全县|全州|全国|我省|我市|我区|我县|将|要|[，,、：:“”\"（(）)\\s])+")]
    private static partial Regex LeadingFrame();

    [GeneratedRegex("(?:的|要|将|力争|争取|年均|每年|累计|均|分别|持续|进一步|[≥≤＞＜>，,、：:；;。“\"（(\\s])+$")]
    private static partial Regex TrailingFrame();

    public static string Clean(string text)
    {
        string s = text;
        for (int i = 0; i < 3; i++)
        {
            string next = TrailingFrame().Replace(LeadingFrame().Replace(s, ""), "");
            if (next == s)
                break;
            s = next;
        }
        if (s.Length > MaxLength)
            s = s[^MaxLength..];
        // A quote the framing cut in half (“两业”融合试点企业 lost its opening mark) is closed again.
        int close = s.IndexOf('”', StringComparison.Ordinal), open = s.IndexOf('“', StringComparison.Ordinal);
        if (close >= 0 && (open < 0 || open > close))
            s = "“" + s;
        return s;
    }
}
