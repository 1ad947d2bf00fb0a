using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Tracks the last number seen at each outline level while text is read in order, so that a marker found in
/// the middle of running text is taken for a heading only when it is the one the outline expects next.
/// </summary>
internal sealed class OutlineCursor
{
    private int _part, _chapter, _item, _subItem;
    private bool _chapterOpenedSinceItem;

    /// <summary>The item number that would continue the outline; items may run on across chapters (002).</summary>
    public int ExpectedItem => _item + 1;

    /// <summary>Whether <paramref name="marker"/> continues the outline as the next heading of its level.</summary>
    public bool Continues(OutlineMarker marker) => marker.Level switch
    {
        HeadingLevel.Part => marker.Number == _part + 1,
        HeadingLevel.Chapter => marker.Number == _chapter + 1 || (marker.Number == 1 && _chapter > 0),
        HeadingLevel.Item => marker.Number == _item + 1 || (marker.Number == 1 && _chapterOpenedSinceItem),
        HeadingLevel.SubItem => marker.Number == _subItem + 1 || marker.Number == 1,
        _ => false,
    };

    /// <summary>
    /// Whether a marker at the start of a line is a heading: it continues the outline or skips at most one
    /// number (a typo or a heading lost in extraction). A box is always a heading.
    /// </summary>
    public bool IsPlausible(OutlineMarker marker)
    {
        if (marker.Level == HeadingLevel.Box || Continues(marker))
            return true;
        int last = marker.Level switch
        {
            HeadingLevel.Part => _part,
            HeadingLevel.Chapter => _chapter,
            HeadingLevel.Item => _item,
            _ => _subItem,
        };
        return marker.Number > last && marker.Number <= last + 2;
    }

    public void Advance(OutlineMarker marker)
    {
        switch (marker.Level)
        {
            case HeadingLevel.Part:
                (_part, _chapter, _subItem, _chapterOpenedSinceItem) = (marker.Number, 0, 0, true);
                break;
            case HeadingLevel.Chapter:
                (_chapter, _subItem, _chapterOpenedSinceItem) = (marker.Number, 0, true);
                break;
            case HeadingLevel.Item:
                (_item, _subItem, _chapterOpenedSinceItem) = (marker.Number, 0, false);
                break;
            case HeadingLevel.SubItem:
                _subItem = marker.Number;
                break;
        }
    }
}
