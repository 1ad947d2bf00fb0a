using System.Text.RegularExpressions;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 落款 — the signature of a document: the issuing authorities on their own line(s) directly followed by the
/// date (国务院办公厅 / 2019年1月22日), or an official's title and name followed by the date (总理 李克强 /
/// 2018年11月6日) under an order. The first signature after the title is the document's own: a forwarded report
/// or an attachment printed further down signs later.
/// </summary>
internal static partial class SignatureFinder
{
    /// <summary>A signature: the authorities it names (none for an official's signature), its date and where they stand.</summary>
    public sealed record Signature(IReadOnlyList<string> Names, int NamesOffset, string NamesPrinted, DateOnly Date, int DateOffset, string DatePrinted);

    /// <summary>The first signature at or after line <paramref name="from"/>.</summary>
    public static Signature? First(IReadOnlyList<TextLine> lines, int from, AuthorityNames authorities)
    {
        for (int i = Math.Max(0, from); i < lines.Count; i++)
        {
            string line = TitleBlock.Unspace(lines[i].Text.Trim()); // 国　务　院
            if (line.Length == 0 || line.Length > 80)
                continue;
            // Name and date on one line: 国务院办公厅 2019年1月22日.
            if (TrailingDate().Match(line) is { Success: true } inline && inline.Index > 0)
            {
                string names = line[..inline.Index].Trim();
                if (authorities.SplitJoint(names) is { } joint && ChineseDate.TryParse(inline.Groups["date"].Value, out var d))
                    return new Signature(joint, lines[i].Offset, names, d, lines[i].Offset + inline.Groups["date"].Index, inline.Groups["date"].Value);
            }
            if (!IsAuthorityLine(line, authorities) && !Official().IsMatch(line))
                continue;
            // Joint issuers may sign on several lines, the date under the last.
            int j = i;
            while (j + 1 < lines.Count && j - i < 6 && IsAuthorityLine(TitleBlock.Unspace(lines[j + 1].Text.Trim()), authorities))
                j++;
            if (j + 1 >= lines.Count || DateOf(lines[j + 1].Text) is not { } date)
                continue;
            var names2 = Official().IsMatch(line)
                ? new List<string>()
                : Enumerable.Range(i, j - i + 1).SelectMany(k => authorities.SplitJoint(TitleBlock.Unspace(lines[k].Text.Trim()))!).ToList();
            string printed = string.Join(" ", Enumerable.Range(i, j - i + 1).Select(k => lines[k].Text.Trim()));
            return new Signature(names2, lines[i].Offset, printed, date.Date, lines[j + 1].Offset + date.Offset, date.Printed);
        }
        return null;
    }

    /// <summary>
    /// The first line at or after <paramref name="from"/> that is only a date ((2023年10月18日), 2020年2月5日), or
    /// that ends in a date right before （此件主动公开）: pages that print no signature still date the document.
    /// </summary>
    public static (DateOnly Date, int Offset, string Printed)? FirstDateLine(IReadOnlyList<TextLine> lines, int from)
    {
        for (int i = Math.Max(0, from); i < lines.Count; i++)
        {
            if (DateOf(lines[i].Text) is { } date)
                return (date.Date, lines[i].Offset + date.Offset, date.Printed);
            if (i + 1 < lines.Count && DisclosureNote().IsMatch(lines[i + 1].Text)
                && TrailingDate().Match(lines[i].Text) is { Success: true } m && ChineseDate.TryParse(m.Groups["date"].Value, out var d))
                return (d, lines[i].Offset + m.Groups["date"].Index, m.Groups["date"].Value);
        }
        return null;
    }

    /// <summary>
    /// Merged text (seed 002 runs a whole notice into one line) leaves no lines to read: there a signature is an
    /// authority's name directly followed by a date inside <paramref name="text"/>, the name cut from the run of
    /// Han characters before the date where it starts (at a region, 中共 or a national organ).
    /// </summary>
    public static Signature? InRunningText(string text, int start, int end, AuthorityNames authorities)
    {
        foreach (Match m in RunOnSignature().Matches(text[start..end]))
        {
            string run = m.Groups["name"].Value;
            for (int cut = 0; cut + 3 <= run.Length; cut++)
            {
                string candidate = run[cut..];
                if (!authorities.IsAuthority(candidate) || (authorities.RegionOf(candidate, null) is null && !candidate.StartsWith("中共", StringComparison.Ordinal)))
                    continue;
                if (!ChineseDate.TryParse(m.Groups["date"].Value, out var date))
                    break;
                return new Signature([candidate], start + m.Groups["name"].Index + cut, candidate, date, start + m.Groups["date"].Index, m.Groups["date"].Value);
            }
        }
        return null;
    }

    private static bool IsAuthorityLine(string line, AuthorityNames authorities) =>
        line.Length is > 1 and <= 80 && authorities.SplitJoint(line) is not null;

    /// <summary>A line that is only a date, possibly in brackets.</summary>
    private static (DateOnly Date, int Offset, string Printed)? DateOf(string line)
    {
        var m = DateLine().Match(line);
        if (!m.Success || !ChineseDate.TryParse(m.Groups["date"].Value, out var date))
            return null;
        return (date, m.Groups["date"].Index, m.Groups["date"].Value);
    }

    private const string DatePattern = ChineseDate.SignaturePattern;

    [GeneratedRegex(@"^\s*[（(]?\s*(?<date>" + DatePattern + @")\s*[）)]?\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<date>" + DatePattern + @")\s*$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"(?<name>[\u4e00-\u9fff]{3,40})[ 　]*\n?[ 　]*(?<date>" + DatePattern + ")")]
    private static partial Regex RunOnSignature();

    [GeneratedRegex(@"^\s*[（(]\s*此件")]
    private static partial Regex DisclosureNote();

    // An official signing an order: 总理 李克强, 省长 易炼红, 自治区主席 …
    [GeneratedRegex(@"^(国务院)?(代?总理|代?省长|代?市长|代?州长|代?县长|代?区长|(自治区)?主席|部长|主任|局长|署长|行长|书记)[\s　]*[\u4e00-\u9fff·]{2,8}$")]
    private static partial Regex Official();
}
