namespace SearchEngine.Core.Documents;

/// <summary>
/// 政策文件 — a policy document after ingestion: cleaned text, metadata with evidence, the section tree.
/// Every span (sections, evidence offsets) points into <see cref="Text"/>.
/// </summary>
/// <param name="Id">Stable identifier derived from the source path (file name without extension).</param>
/// <param name="Source">The file it came from, relative to the ingested root, with forward slashes.</param>
/// <param name="Format">The reader that produced it.</param>
/// <param name="Text">Cleaned display text: paragraphs separated by '\n', characters as printed.</param>
/// <param name="Metadata">Title, issuers, document number, dates, region, type; each with evidence.</param>
/// <param name="Sections">The section tree in document order; <see cref="Section.Parent"/> links it.</param>
/// <param name="AlternateSources">Other files recognised as the same document (near-duplicates).</param>
public sealed record PolicyDocument(
    string Id,
    string Source,
    SourceFormat Format,
    string Text,
    DocumentMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<string> AlternateSources)
{
    /// <summary>The document's industries: the union of its sections' industries, most frequent first.</summary>
    public IReadOnlyList<string> Industries { get; init; } = [];

    /// <summary>规划目标 — the quantified goals the document sets, in document order (<see cref="Targets.PlanTargetExtractor"/>).</summary>
    public IReadOnlyList<Targets.PlanTarget> Targets { get; init; } = [];

    /// <summary>The text of a section, heading included.</summary>
    public string TextOf(Section section) => Text[section.Start..section.End];

    /// <summary>The body of a section: its own text after the heading, children excluded.</summary>
    public string BodyOf(Section section) => Text[section.BodyStart..section.End].Trim();
}
