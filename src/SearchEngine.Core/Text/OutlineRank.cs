using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Where a heading sits in the nesting order, outermost first: attachment, 编, 章, 节, 条, 一、, decimal headings
/// by depth (1, 1.1, 1.1.1), （一）, 1., （1）. A section nests under the nearest open section of a smaller rank.
/// The enum's numeric values cannot serve: they are stored in the index and new kinds were added at the end.
/// </summary>
internal static class OutlineRank
{
    private const int DecimalBase = 10;

    public static int Of(HeadingLevel level, int depth = 1) => level switch
    {
        HeadingLevel.Preamble => -1,
        HeadingLevel.Attachment => 0,
        HeadingLevel.Volume => 1,
        HeadingLevel.LawChapter => 2,
        HeadingLevel.LawSection => 3,
        HeadingLevel.Article => 4,
        HeadingLevel.Part => 5,
        HeadingLevel.DecimalOutline => DecimalBase + depth,
        HeadingLevel.Chapter => 30,
        HeadingLevel.Item => 31,
        HeadingLevel.SubItem => 32,
        HeadingLevel.Box => 33,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "A heading level without a rank; add it to OutlineRank."),
    };

    public static int Of(OutlineMarker marker) => Of(marker.Level, marker.Depth);
}
