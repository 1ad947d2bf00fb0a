using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>A heading found in clean text, before the tree is built.</summary>
/// <param name="Start">Offset of the heading's line.</param>
/// <param name="BodyStart">Offset where the section's body starts (after a run-in heading or a title line).</param>
/// <param name="Level">The heading kind.</param>
/// <param name="Number">The ordinal printed; 0 for a forwarded document's title.</param>
/// <param name="Rank">Nesting order (<see cref="OutlineRank"/>).</param>
/// <param name="Heading">The heading as printed, lines joined by a space.</param>
/// <param name="Title">The heading without marker, final punctuation and letter-spacing.</param>
/// <param name="Label">What a breadcrumb shows: the heading, or for regulations and attachments "第一章 总则".</param>
internal readonly record struct OutlineHeading(
    int Start, int BodyStart, HeadingLevel Level, int Number, int Rank, string Heading, string Title, string Label);
