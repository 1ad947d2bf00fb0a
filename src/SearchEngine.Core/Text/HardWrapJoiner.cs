namespace SearchEngine.Core.Text;

/// <summary>
/// Rejoins paragraphs whose lines are a layout's lines: a PDF extraction (001 breaks 北|斗 and 光|刻胶 across
/// lines) or a scrape cut at a fixed width (002). Such text is recognised by most of its lines ending in the
/// middle of a sentence. A line then ends its paragraph when it is visibly shorter than the lines around it
/// (widths are visual: a Han character is two columns), when it ends a sentence and the extraction marked the
/// line end with a space, or when the next line starts a heading or the list of attachments (附件：).
/// </summary>
internal static class HardWrapJoiner
{
    public static bool LooksHardWrapped(IReadOnlyList<string> lines)
    {
        int considered = 0, openEnded = 0;
        foreach (var line in lines)
        {
            var t = line.Trim();
            if (t.Length < 8 || OutlineMarker.TryRead(t, 0, out _) || IsFurniture(t))
                continue;
            considered++;
            if (!ClosesParagraph(t[^1]))
                openEnded++;
        }
        // A short document's title, number and signature lines are open-ended too: only many open lines show a layout.
        return openEnded >= 6 && openEnded * 10 >= considered * 4;
    }

    /// <summary>A title (it ends with a 文种 word) above the addressees, an order's 令 line or its number is a paragraph of its own.</summary>
    private static bool EndsTitleAboveAddressees(string line, string next) =>
        Metadata.DocumentTypeClassifier.EndsLikeTitle(line)
        && (((next.EndsWith('：') || next.EndsWith(':')) && !next.Contains('。', StringComparison.Ordinal))
            || (next.EndsWith('令') && next.Length <= 24) || Metadata.DocumentNumberParser.ParseLine(next) is not null);

    /// <summary>Lines every document has that end without punctuation: labelled fields, numbers, dates.</summary>
    private static bool IsFurniture(string line) =>
        Metadata.LabelledFields.IsLabelled(line)
        || Metadata.DocumentNumberParser.ParseLine(line) is not null
        || Metadata.ChineseDate.TryParse(line.Trim('（', '）', '(', ')'), out _);

    public static List<string> Join(IReadOnlyList<string> rawLines)
    {
        var lines = rawLines.Where(l => l.Trim().Length > 0).ToList();
        var widths = lines.Select(l => VisualWidth(l.Trim())).ToList();
        // A labelled line of an information table (发文机关：…) is a field, never part of a paragraph; each line is
        // asked once, although the loop needs the answer for the line and for the one after it.
        var labelled = lines.Select(l => Metadata.LabelledFields.IsLabelled(l.Trim())).ToList();
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (StartsParagraph(line) || labelled[i])
                Flush(paragraphs, current);
            AppendJoined(current, line);

            bool endsHere =
                i + 1 == lines.Count
                || labelled[i]
                || labelled[i + 1]
                || widths[i] < 0.8 * LocalWidth(widths, i)
                || (CharClass.IsTerminal(line[^1]) && lines[i][^1] is ' ' or '\u3000')
                || StartsParagraph(lines[i + 1].Trim())
                || EndsTitleAboveAddressees(line, lines[i + 1].Trim());
            if (endsHere)
                Flush(paragraphs, current);
        }
        Flush(paragraphs, current);
        return paragraphs;
    }

    private static bool StartsParagraph(string line) =>
        OutlineMarker.TryRead(line, 0, out _) || AttachmentMarkerReader.OpensAttachmentList(line);

    /// <summary>The full line width around line i: the widest of its neighbours within two lines.</summary>
    private static int LocalWidth(List<int> widths, int i)
    {
        int max = widths[i];
        for (int j = Math.Max(0, i - 2); j <= Math.Min(widths.Count - 1, i + 2); j++)
            max = Math.Max(max, widths[j]);
        return max;
    }

    private static int VisualWidth(string s)
    {
        int w = 0;
        foreach (char c in s)
            w += CharClass.IsWide(c) ? 2 : 1;
        return w;
    }

    private static bool ClosesParagraph(char c) => CharClass.IsTerminal(c) || c is '）' or ')' or '”' or '」';

    private static void AppendJoined(System.Text.StringBuilder current, string line)
    {
        // Latin words broken across lines keep a space; Chinese text joins directly.
        if (current.Length > 0 && char.IsAsciiLetterOrDigit(current[^1]) && char.IsAsciiLetter(line[0]))
            current.Append(' ');
        current.Append(line);
    }

    private static void Flush(List<string> paragraphs, System.Text.StringBuilder current)
    {
        if (current.Length > 0)
            paragraphs.Add(current.ToString());
        current.Clear();
    }
}
