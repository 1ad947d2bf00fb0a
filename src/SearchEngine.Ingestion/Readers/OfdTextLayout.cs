using System.Text;

namespace SearchEngine.Ingestion.Readers;

/// <summary>One TextCode of an OFD page placed on the page: where its first glyph's baseline starts (mm).</summary>
/// <param name="X">Left edge of the first glyph.</param>
/// <param name="Y">Baseline, growing down the page.</param>
/// <param name="Size">Font size (mm).</param>
/// <param name="Width">Advance of all glyphs, from DeltaX or estimated from the size.</param>
/// <param name="Text">The characters.</param>
internal readonly record struct OfdTextRun(double X, double Y, double Size, double Width, string Text);

/// <summary>
/// Positioned text runs back into reading order and paragraphs, the way a reader sees the printed page: runs whose
/// baselines lie within a fraction of the font size form one line, ordered left to right; a line starts a new
/// paragraph when the gap above it is clearly larger than the usual line pitch, when it is indented (a first-line
/// indent, or a centred or right-aligned line such as the title or the signature), or when the line before it
/// stopped short of the right margin. Lines of one paragraph, also across a page break, are joined.
/// </summary>
internal static class OfdTextLayout
{
    private sealed record Line(double Y, double Left, double Right, double Size, string Text);

    public static string ToText(IReadOnlyList<IReadOnlyList<OfdTextRun>> pages)
    {
        var pageLines = pages.Select(Lines).ToList();
        var all = pageLines.SelectMany(p => p).ToList();
        if (all.Count == 0)
            return "";
        double margin = all.Min(l => l.Left);
        double rightEdge = all.Max(l => l.Right);
        double pitch = Median(pageLines.SelectMany(p => p.Zip(p.Skip(1), (a, b) => b.Y - a.Y)).Where(g => g > 0).ToList());

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Line? previous = null;
        foreach (var lines in pageLines)
        {
            bool firstOnPage = true;
            foreach (var line in lines)
            {
                bool newParagraph = previous is null
                    || line.Left > margin + 0.8 * line.Size
                    || previous.Right < rightEdge - 1.5 * previous.Size
                    || (!firstOnPage && pitch > 0 && line.Y - previous.Y > pitch * 1.5);
                if (newParagraph && current.Length > 0)
                {
                    paragraphs.Add(current.ToString());
                    current.Clear();
                }
                if (current.Length > 0 && current[^1] < 0x80 && char.IsLetterOrDigit(current[^1]) && line.Text[0] < 0x80 && char.IsLetterOrDigit(line.Text[0]))
                    current.Append(' ');
                current.Append(line.Text);
                previous = line;
                firstOnPage = false;
            }
        }
        if (current.Length > 0)
            paragraphs.Add(current.ToString());
        return string.Join('\n', paragraphs);
    }

    private static List<Line> Lines(IReadOnlyList<OfdTextRun> runs)
    {
        var lines = new List<Line>();
        var ordered = runs.Where(r => r.Text.Trim().Length > 0).OrderBy(r => r.Y).ThenBy(r => r.X).ToList();
        int start = 0;
        while (start < ordered.Count)
        {
            double y = ordered[start].Y, tolerance = 0.4 * ordered[start].Size;
            int end = start + 1;
            while (end < ordered.Count && ordered[end].Y - y <= tolerance)
                end++;
            var members = ordered.GetRange(start, end - start).OrderBy(r => r.X).ToList();
            var text = new StringBuilder();
            double right = members[0].X;
            foreach (var run in members)
            {
                if (text.Length > 0 && run.X - right > 1.5 * run.Size)
                    text.Append(' '); // a wide gap inside a line: separate cells or words
                text.Append(run.Text);
                right = Math.Max(right, run.X + run.Width);
            }
            string joined = text.ToString().Trim();
            if (joined.Length > 0)
                lines.Add(new Line(y, members[0].X, right, members.Max(r => r.Size), joined));
            start = end;
        }
        return lines;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
            return 0;
        values.Sort();
        return values[values.Count / 2];
    }
}
