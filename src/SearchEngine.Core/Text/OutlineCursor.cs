using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Tracks the last number seen at each outline level while text is read in order, so that a marker found in
/// the middle of running text is taken for a heading only when it is the one the outline expects next.
/// </summary>
internal sealed class OutlineCursor
{
    private int _part, _chapter, _chapterRun, _item, _subItem;
    private bool _chapterOpenedSinceItem;
    private int _volume, _lawChapter, _lawSection, _article;
    private int[] _decimal = [];

    /// <summary>The item number that would continue the outline; items may run on across chapters (002).</summary>
    public int ExpectedItem => _item + 1;

    /// <summary>
    /// Inside an article (第X条) of a regulation: its lists — （一）, 1., （1） — are 项 and 目 (items) that stay
    /// the article's text, since the article is the unit a regulation is cited by.
    /// </summary>
    public bool InArticle => _article > 0;

    /// <summary>Whether any numbered heading has been read since the start or the last <see cref="Reset"/>.</summary>
    public bool HasOutline => _part + _chapterRun + _item + _subItem + _volume + _lawChapter + _article + _decimal.Length > 0;

    /// <summary>Whether <paramref name="marker"/> continues the outline as the next heading of its level.</summary>
    public bool Continues(OutlineMarker marker)
    {
        int n = marker.Number;
        return marker.Level switch
        {
            HeadingLevel.Part => n == _part + 1,
            // （X） restarts at （一） under each part, or runs on across parts (State Council layout: 一、 （一）…（三）
            // 二、 （四）…), or restarts at （一） within a part (a second list).
            HeadingLevel.Chapter => n == _chapter + 1 || (n == 1 && _chapter > 0) || (_chapter == 0 && n == _chapterRun + 1),
            HeadingLevel.Item => n == _item + 1 || (n == 1 && _chapterOpenedSinceItem),
            HeadingLevel.SubItem => n == _subItem + 1 || n == 1,
            HeadingLevel.Volume => n == _volume + 1,
            // Chapters run on across volumes; sections restart under each chapter; articles run through the whole
            // regulation.
            HeadingLevel.LawChapter => n == _lawChapter + 1,
            HeadingLevel.LawSection => n == _lawSection + 1,
            HeadingLevel.Article => n == _article + 1,
            HeadingLevel.DecimalOutline => DecimalContinues(marker.Components!, skip: 0),
            HeadingLevel.Attachment => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether a marker at the start of a line is a heading: it continues the outline or skips at most one
    /// number (a typo or a heading lost in extraction). A box is always a heading. Inside an article the
    /// regulation's own markers count, and the article's items when they continue exactly.
    /// </summary>
    public bool IsPlausible(OutlineMarker marker)
    {
        // Inside an article, its enumerated items （一）（二）… or 1. 2. are sections under the article (a search hit
        // on a definition shows 第二条 › （二）), but only when they count on exactly from the article's start: an
        // item number cited in running text must not open one.
        if (InArticle && OutlineRank.Of(marker) > OutlineRank.Of(HeadingLevel.Article))
            return marker.Level != HeadingLevel.Box && Continues(marker);
        if (marker.Level == HeadingLevel.Box || Continues(marker))
            return true;
        if (marker.Level == HeadingLevel.DecimalOutline)
            return DecimalContinues(marker.Components!, skip: 1);
        int last = marker.Level switch
        {
            HeadingLevel.Part => _part,
            HeadingLevel.Chapter => _chapter == 0 ? _chapterRun : _chapter,
            HeadingLevel.Item => _item,
            HeadingLevel.SubItem => _subItem,
            HeadingLevel.Volume => _volume,
            HeadingLevel.LawChapter => _lawChapter,
            HeadingLevel.LawSection => _lawSection,
            HeadingLevel.Article => _article,
            _ => int.MaxValue - 2,
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
                (_chapter, _chapterRun, _subItem, _chapterOpenedSinceItem) = (marker.Number, marker.Number, 0, true);
                break;
            case HeadingLevel.Item:
                (_item, _subItem, _chapterOpenedSinceItem) = (marker.Number, 0, false);
                break;
            case HeadingLevel.SubItem:
                _subItem = marker.Number;
                break;
            case HeadingLevel.Volume:
                _volume = marker.Number;
                RestartNoticeOutline();
                break;
            case HeadingLevel.LawChapter:
                (_lawChapter, _lawSection) = (marker.Number, 0);
                RestartNoticeOutline();
                break;
            case HeadingLevel.LawSection:
                _lawSection = marker.Number;
                RestartNoticeOutline();
                break;
            case HeadingLevel.Article:
                _article = marker.Number;
                RestartNoticeOutline(); // an article's items count from （一） again
                break;
            case HeadingLevel.DecimalOutline:
                _decimal = [.. marker.Components!];
                (_chapter, _chapterRun, _item, _subItem, _chapterOpenedSinceItem) = (0, 0, 0, 0, true);
                break;
            case HeadingLevel.Attachment:
                Reset();
                break;
        }
    }

    /// <summary>Starts numbering afresh: an attachment or a forwarded document has an outline of its own.</summary>
    public void Reset()
    {
        RestartNoticeOutline();
        (_volume, _lawChapter, _lawSection, _article) = (0, 0, 0, 0);
        _decimal = [];
    }

    /// <summary>Under each 篇, 章 or 节 of a plan (规划) the 一、 outline starts again.</summary>
    private void RestartNoticeOutline() =>
        (_part, _chapter, _chapterRun, _item, _subItem, _chapterOpenedSinceItem) = (0, 0, 0, 0, 0, false);

    /// <summary>
    /// A decimal heading continues the one before it by going one level deeper at .1 (1.2 → 1.2.1) or by counting
    /// on at the same or a shallower level (1.2.1 → 1.2.2, 1.3 or 2); <paramref name="skip"/> tolerates lost headings.
    /// </summary>
    private bool DecimalContinues(IReadOnlyList<int> next, int skip)
    {
        int k = next.Count, m = _decimal.Length;
        if (m == 0)
            return k == 1 && next[0] == 1; // a decimal outline starts at 1, so a figure cannot start one
        if (k == m + 1)
            return SamePrefix(next, m) && next[k - 1] == 1;
        return k <= m && SamePrefix(next, k - 1) && next[k - 1] > _decimal[k - 1] && next[k - 1] <= _decimal[k - 1] + 1 + skip;
    }

    private bool SamePrefix(IReadOnlyList<int> next, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (next[i] != _decimal[i])
                return false;
        }
        return true;
    }
}
