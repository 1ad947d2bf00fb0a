using System.Text.RegularExpressions;

namespace SearchEngine.Core.Metadata;

/// <summary>What an issuing authority's name looks like, and where a signature stands in a preamble.</summary>
internal static partial class IssuerNames
{
    /// <summary>An authority's name ends with one of these: 人民政府, 办公厅, 省委, 科技厅, 工业和信息化局, …</summary>
    public static bool LooksLikeAuthority(string name) =>
        name.Length is >= 3 and <= 30 && AuthorityEnding().IsMatch(name);

    /// <summary>A signature: an authority's name directly followed by a date, on one line or two.</summary>
    public static IEnumerable<(string Name, int Offset, int DateOffset)> FindSignatures(string preamble)
    {
        foreach (Match m in Signature().Matches(preamble))
        {
            string name = m.Groups["name"].Value;
            int offset = m.Groups["name"].Index;
            // In merged text the Han run before the name holds the previous sentence's tail: start at a region
            // name or 中共 when one is inside it.
            int start = StartOfName(name);
            yield return (name[start..], offset + start, m.Groups["date"].Index);
        }
    }

    private static int StartOfName(string run)
    {
        int best = 0;
        foreach (var anchor in NameAnchors.Value)
        {
            int at = run.IndexOf(anchor, StringComparison.Ordinal);
            if (at > 0 && (best == 0 || at < best))
                best = at;
            if (at == 0)
                return 0;
        }
        return best;
    }

    /// <summary>Words an authority's name starts with: 中共, 国务院 and the region names.</summary>
    private static readonly Lazy<string[]> NameAnchors = new(() =>
        ["中共", "国务院", .. RegionGazetteer.Default.Regions.Select(r => r.Name)]);

    [GeneratedRegex(@"(人民政府|政府|办公厅|办公室|委员会|省委|市委|县委|党委|厅|局|委|院|署|部)$")]
    private static partial Regex AuthorityEnding();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fff]{3,40}?(人民政府|办公厅|办公室|委员会|省委|市委|厅|局))\s*\n?\s*(?<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇一二三四五六七八九零O]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)")]
    private static partial Regex Signature();
}
