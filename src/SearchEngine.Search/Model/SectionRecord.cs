using SearchEngine.Core.Documents;

namespace SearchEngine.Search.Model;

/// <summary>What the index stores of one section, the unit of search: its place, headings, text and tags.</summary>
/// <param name="SectionIndex">The section's index in its document.</param>
/// <param name="Level">The heading kind.</param>
/// <param name="HeadingPath">Headings from the top down to this section.</param>
/// <param name="Body">The section's own text, as printed.</param>
/// <param name="Units">Responsible units (lead first).</param>
/// <param name="Industries">The section's industries.</param>
public sealed record SectionRecord(
    int SectionIndex,
    HeadingLevel Level,
    IReadOnlyList<string> HeadingPath,
    string Body,
    IReadOnlyList<ResponsibleUnit> Units,
    IReadOnlyList<string> Industries)
{
    /// <summary>The heading path as one text for the heading field; " / " leaves a gap so phrases don't cross headings.</summary>
    public string HeadingText => string.Join(" / ", HeadingPath);

    /// <summary>The units as one text for the units field.</summary>
    public string UnitsText => string.Join("、", Units.Select(u => u.Name));
}
