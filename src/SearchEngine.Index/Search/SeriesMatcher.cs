using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>
/// 文号系列 — the sections of the documents whose own number belongs to a series (湘政办发, 湘政办发〔2021〕), scored by
/// the document's date so the newest comes first: a series is read as a list, not ranked by relevance. A document
/// with a year but no date counts from 1 January of its year; one with neither comes last.
/// </summary>
internal sealed class SeriesMatcher(PostingsCursor cursor, SegmentReader segment) : Matcher
{
    /// <summary>Day numbers stay below ten million until the year 29,000, so every score lies in [1, 2).</summary>
    private const double DayScale = 1e7;

    public override long Cost => cursor.DocFrequency;

    public override int NextDoc() => Doc = cursor.NextDoc();

    public override int Advance(int target) => Doc = cursor.Advance(target);

    public override double Score()
    {
        int docOrd = segment.SectionDocument[Doc];
        int day = segment.Values.Date[docOrd];
        if (day < 0 && segment.Values.Year[docOrd] is > 0 and <= 9999 and var year)
            day = new DateOnly(year, 1, 1).DayNumber;
        return 1 + (Math.Max(day, 0) / DayScale);
    }

    /// <summary>The score itself: it costs an array read, so there is no cheaper bound worth keeping.</summary>
    public override double MaxScore() => Score();
}
