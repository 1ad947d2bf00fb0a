using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Builds the section tree from clean text: each line that starts with an outline marker the outline can
/// accept opens a section, nested under the nearest open section of a higher level; boxes (专栏) nest under the
/// section they appear in. The text before the first heading is the preamble. Units and industries are left
/// empty for their own stages to fill.
/// </summary>
public static class SectionSplitter
{
    private sealed record Open(int Index, HeadingLevel Level, IReadOnlyList<string> Path);

    public static IReadOnlyList<Section> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headings = FindHeadings(text);
        var sections = new List<Section>();
        int firstHeading = headings.Count > 0 ? headings[0].Start : text.Length;
        if (text.AsSpan(0, firstHeading).Trim().Length > 0)
            sections.Add(new Section(0, null, HeadingLevel.Preamble, 0, "", "", [], 0, 0, firstHeading, [], []));

        var open = new Stack<Open>();
        for (int h = 0; h < headings.Count; h++)
        {
            var (start, marker, headingLength) = headings[h];
            int end = h + 1 < headings.Count ? headings[h + 1].Start : text.Length;
            while (open.Count > 0 && !Encloses(open.Peek().Level, marker.Level))
                open.Pop();
            var parent = open.Count > 0 ? open.Peek() : null;
            string heading = text.Substring(start, headingLength);
            IReadOnlyList<string> path = [.. parent?.Path ?? [], heading];
            int index = sections.Count;
            sections.Add(new Section(
                index, parent?.Index, marker.Level, marker.Number, heading, HeadingText.TitleOf(heading, marker.Length),
                path, start, start + headingLength, end, [], [])
            { Depth = open.Count });
            open.Push(new Open(index, marker.Level, path));
        }
        return sections;
    }

    /// <summary>A box contains nothing; otherwise a higher level (smaller number) encloses a lower one.</summary>
    private static bool Encloses(HeadingLevel outer, HeadingLevel inner) =>
        outer != HeadingLevel.Box && (inner == HeadingLevel.Box || outer < inner);

    private static List<(int Start, OutlineMarker Marker, int HeadingLength)> FindHeadings(string text)
    {
        var found = new List<(int, OutlineMarker, int)>();
        var cursor = new OutlineCursor();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            string line = text[lineStart..lineEnd];
            if (OutlineMarker.TryRead(line, 0, out var marker, cursor.ExpectedItem) && cursor.IsPlausible(marker))
            {
                cursor.Advance(marker);
                found.Add((lineStart, marker, HeadingText.HeadingLength(line, marker.Length)));
            }
            lineStart = lineEnd + 1;
        }
        return found;
    }
}
