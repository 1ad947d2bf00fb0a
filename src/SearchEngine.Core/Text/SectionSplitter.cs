using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Builds the section tree from clean text: each line that starts with an outline marker the outline can
/// accept opens a section, nested under the nearest open section of a smaller <see cref="OutlineRank"/>; boxes
/// (专栏) nest under the section they appear in. Attachments (附件) and documents forwarded after a notice's
/// signature open a top-level section and restart the numbering (<see cref="OutlineHeadingFinder"/>). The text
/// before the first heading is the preamble. Units and industries are left empty for their own stages to fill.
/// </summary>
public static class SectionSplitter
{
    private sealed record Open(int Index, HeadingLevel Level, int Rank, IReadOnlyList<string> Path);

    public static IReadOnlyList<Section> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headings = OutlineHeadingFinder.Find(text);
        var sections = new List<Section>();
        int firstHeading = headings.Count > 0 ? headings[0].Start : text.Length;
        if (text.AsSpan(0, firstHeading).Trim().Length > 0)
            sections.Add(new Section(0, null, HeadingLevel.Preamble, 0, "", "", [], 0, 0, firstHeading, [], []));

        var open = new Stack<Open>();
        for (int h = 0; h < headings.Count; h++)
        {
            var found = headings[h];
            int end = h + 1 < headings.Count ? headings[h + 1].Start : text.Length;
            while (open.Count > 0 && !Encloses(open.Peek(), found))
                open.Pop();
            var parent = open.Count > 0 ? open.Peek() : null;
            IReadOnlyList<string> path = [.. parent?.Path ?? [], found.Label];
            int index = sections.Count;
            sections.Add(new Section(
                index, parent?.Index, found.Level, found.Number, found.Heading, found.Title,
                path, found.Start, found.BodyStart, end, [], [])
            { Depth = open.Count });
            open.Push(new Open(index, found.Level, found.Rank, path));
        }
        return sections;
    }

    /// <summary>A box contains nothing; otherwise an outer rank (smaller number) encloses an inner one.</summary>
    private static bool Encloses(Open outer, OutlineHeading inner) =>
        outer.Level != HeadingLevel.Box && (inner.Level == HeadingLevel.Box || outer.Rank < inner.Rank);
}
