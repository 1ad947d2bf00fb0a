using System.Text.RegularExpressions;

namespace SearchEngine.Core.Text;

/// <summary>
/// Removes what a scraping site put around a document: its header line (date, time, site name, keywords),
/// the file-name line of a shared .docx, a repeated page summary, footers and one-line boilerplate.
/// </summary>
internal static partial class BoilerplateStripper
{
    public static List<string> Strip(List<string> lines, BoilerplateRules rules, List<RemovedFragment> removed)
    {
        var kept = new List<string>(lines.Count);
        bool afterPrintStamp = false;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            // A page printed to PDF by a browser carries, on every page, the time of printing with the page's
            // <title> beside or under it, and the address with a page counter at the foot.
            if (PrintStamp().IsMatch(trimmed) || PrintAddress().IsMatch(trimmed) || PageCounter().IsMatch(trimmed)
                || (afterPrintStamp && trimmed.Length > 0 && !Metadata.LabelledFields.IsLabelled(trimmed)))
            {
                removed.Add(new RemovedFragment(RemovedFragment.PrintFurniture, trimmed));
                afterPrintStamp = PrintStamp().Match(trimmed) is { Success: true } stamp && stamp.Length == trimmed.Length;
                continue;
            }
            if (rules.StartsFooter(trimmed))
            {
                removed.Add(new RemovedFragment(RemovedFragment.Boilerplate, string.Join('\n', lines.Skip(i)).Trim()));
                break;
            }
            if (PageHeader().IsMatch(trimmed))
                removed.Add(new RemovedFragment(RemovedFragment.PageHeader, Whitespace().Replace(trimmed, " ")));
            else if (kept.Count == 0 && FileNameLine().IsMatch(trimmed))
                removed.Add(new RemovedFragment(RemovedFragment.FileName, trimmed));
            else if (rules.IsBoilerplateLine(trimmed))
                removed.Add(new RemovedFragment(RemovedFragment.Boilerplate, trimmed));
            else
                kept.Add(line);
        }
        RemoveRepeatedSummary(kept, removed);
        return kept;
    }

    /// <summary>
    /// A page's description repeats a paragraph of the body near the top (000 prints the plan's opening sentence
    /// before the document number). The early copy is the site's, the later one the document's.
    /// </summary>
    private static void RemoveRepeatedSummary(List<string> lines, List<RemovedFragment> removed)
    {
        const int HeadLines = 6, MinLength = 30;
        for (int i = 0; i < Math.Min(HeadLines, lines.Count); i++)
        {
            var candidate = lines[i].Trim();
            if (candidate.Length < MinLength)
                continue;
            for (int j = i + 1; j < lines.Count; j++)
            {
                if (lines[j].Trim() == candidate)
                {
                    removed.Add(new RemovedFragment(RemovedFragment.PageSummary, candidate));
                    lines.RemoveAt(i);
                    return;
                }
            }
        }
    }

    /// <summary>"2021/8/27 09:48   湖南省政府网站   关键字:… 浏览量:" — the date line of a government site.</summary>
    [GeneratedRegex(@"^\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}\s+\d{1,2}:\d{2}(:\d{2})?\s+(?<site>\S+)")]
    internal static partial Regex PageHeader();

    /// <summary>Runs of spaces, tabs and no-break spaces that lay out a header line.</summary>
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // 12/2/26, 1:29 AM or 2020/3/9 下午11:50, alone or followed by the page's title (pdftotext -layout).
    [GeneratedRegex(@"^(\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*[AaPp][Mm]|\d{4}/\d{1,2}/\d{1,2}\s*(上午|下午)\s*\d{1,2}:\d{2})(\s|$)")]
    private static partial Regex PrintStamp();

    [GeneratedRegex(@"^(https?|file)://\S+(\s+\d{1,3}/\d{1,3})?$")]
    private static partial Regex PrintAddress();

    [GeneratedRegex(@"^\d{1,3}/\d{1,3}$")]
    private static partial Regex PageCounter();

    /// <summary>"《长株潭…行动计划》.docx" — a document-sharing site prints the file name first.</summary>
    [GeneratedRegex(@"^《?[^《》]{2,80}》?\.(docx?|pdf|wps|txt)$", RegexOptions.IgnoreCase)]
    internal static partial Regex FileNameLine();
}
