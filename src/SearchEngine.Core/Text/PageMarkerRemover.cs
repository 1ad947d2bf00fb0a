using System.Text.RegularExpressions;

namespace SearchEngine.Core.Text;

/// <summary>
/// Removes page furniture: page-number lines of PDF extractions (— 16 —, 第3页 共10页, a bare number) and the
/// "N、" markers a document-sharing site puts at the start of each page, in the middle of a sentence (002).
/// </summary>
internal static partial class PageMarkerRemover
{
    public static List<string> RemovePageNumbers(List<string> lines, List<RemovedFragment> removed)
    {
        var kept = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            if (PageNumberLine().IsMatch(line))
                removed.Add(new RemovedFragment(RemovedFragment.PageNumber, line.Trim()));
            else
                kept.Add(line);
        }
        return kept;
    }

    /// <summary>
    /// Page markers count 1, 2, 3, … at line starts, and most of them continue a sentence the previous line left
    /// open. Real list items "1、" follow a finished sentence, so they stay. A marker is cut out and its line joined
    /// to the previous one with nothing between, since the page break fell inside a sentence or a word.
    /// </summary>
    public static List<string> RemoveSharedPageMarkers(List<string> lines, List<RemovedFragment> removed)
    {
        var markerLines = new List<(int Line, int Number, int Length)>();
        int expected = 1;
        for (int i = 0; i < lines.Count; i++)
        {
            var m = PageMarker().Match(lines[i]);
            if (m.Success && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == expected)
            {
                markerLines.Add((i, expected, m.Length));
                expected++;
            }
        }
        if (markerLines.Count < 3)
            return lines;
        int midSentence = markerLines.Count(ml => ml.Line > 0 && !EndsSentence(lines[ml.Line - 1]));
        if (midSentence * 3 < (markerLines.Count - 1) * 2)
            return lines;

        var result = new List<string>(lines.Count);
        var markerAt = markerLines.ToDictionary(ml => ml.Line, ml => ml.Length);
        for (int i = 0; i < lines.Count; i++)
        {
            if (!markerAt.TryGetValue(i, out int length))
            {
                result.Add(lines[i]);
                continue;
            }
            var line = lines[i];
            int start = line.Length - line.TrimStart().Length;
            removed.Add(new RemovedFragment(RemovedFragment.PageMarker, line.Substring(start, length - start).Trim()));
            var rest = line[length..];
            if (result.Count > 0 && !EndsSentence(result[^1]))
                result[^1] = result[^1].TrimEnd() + rest;
            else
                result.Add(rest);
        }
        return result;
    }

    private static bool EndsSentence(string line)
    {
        var t = line.TrimEnd();
        return t.Length == 0 || CharClass.IsTerminal(t[^1]);
    }

    [GeneratedRegex(@"^\s*([0-9]{1,3})、")]
    private static partial Regex PageMarker();

    [GeneratedRegex(@"^\s*([—－\-–]+\s*\d{1,4}\s*[—－\-–]+|第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,3})\s*$")]
    private static partial Regex PageNumberLine();
}
