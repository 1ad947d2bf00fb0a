using SearchEngine.Index.Model;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>
/// One term over a set of fields, scored by BM25F from its per-field frequencies in one postings list. A
/// section whose occurrences all lie outside the fields asked for (title:氢能 and 氢能 only in the body) is
/// passed over.
/// </summary>
internal sealed class TermMatcher(PostingsCursor cursor, SegmentReader segment, Bm25F bm25, double idfTimesWeight, int fieldMask) : Matcher
{
    private const int AllFields = (1 << IndexFields.ScoringFieldCount) - 1;

    public PostingsCursor Cursor { get; } = cursor;

    public override long Cost => Cursor.DocFrequency;

    public override int NextDoc() => Doc = SkipOtherFields(Cursor.NextDoc());

    public override int Advance(int target) => Doc = SkipOtherFields(Cursor.Advance(target));

    private int SkipOtherFields(int doc)
    {
        if (fieldMask == AllFields)
            return doc;
        while (doc != NoMoreDocs && (Cursor.Mask & fieldMask) == 0)
            doc = Cursor.NextDoc();
        return doc;
    }

    public override double Score()
    {
        var lengths = segment.FieldLengths.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
        return idfTimesWeight * Bm25F.Saturate(bm25.PseudoFrequency(Cursor.Tf, lengths));
    }
}
