namespace SearchEngine.Core.Documents;

/// <summary>
/// 章节 — one node of a document's outline. Its own text runs from <see cref="Start"/> to <see cref="End"/>
/// (heading included, child sections excluded), so sections tile the document without overlap.
/// </summary>
/// <param name="Index">Position in document order, 0 for the preamble.</param>
/// <param name="Parent">Index of the enclosing section, null at the top.</param>
/// <param name="Level">The heading kind (一、 （一） 1. （1） 专栏).</param>
/// <param name="Number">The ordinal the heading prints (三 → 3, （七） → 7, 专栏2 → 2); 0 for the preamble.</param>
/// <param name="Heading">The heading as printed, marker included: "（七）新能源及智能网联汽车产业。".</param>
/// <param name="Title">The heading without marker and final punctuation: "新能源及智能网联汽车产业".</param>
/// <param name="HeadingPath">Headings from the top to this section, this one last.</param>
/// <param name="Start">Offset of the heading in the document text.</param>
/// <param name="BodyStart">Offset where the body starts (after a run-in heading, in the same line).</param>
/// <param name="End">Offset where the next section starts.</param>
/// <param name="Units">牵头/责任单位 — the departments named as responsible for this section's tasks.</param>
/// <param name="Industries">Industries the section is about, from the taxonomy.</param>
public sealed record Section(
    int Index,
    int? Parent,
    HeadingLevel Level,
    int Number,
    string Heading,
    string Title,
    IReadOnlyList<string> HeadingPath,
    int Start,
    int BodyStart,
    int End,
    IReadOnlyList<ResponsibleUnit> Units,
    IReadOnlyList<string> Industries)
{
    /// <summary>Depth in the tree: 0 for the preamble and top-level parts.</summary>
    public int Depth { get; init; }
}
