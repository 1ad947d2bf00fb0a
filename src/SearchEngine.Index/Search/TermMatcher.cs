using SearchEngine.Index.Model;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>One term over a set of fields, scored by BM25F from its per-field frequencies in one postings list.</summary>
internal sealed class TermMatcher(PostingsCursor cursor, SegmentReader segment, Bm25F bm25, double idfTimesWeight) : Matcher
{
    public PostingsCursor Cursor { get; } = cursor;

    public override long Cost => Cursor.DocFrequency;

    public override int NextDoc() => Doc = Cursor.NextDoc();

    public override int Advance(int target) => Doc = Cursor.Advance(target);

    public override double Score()
    {
        var lengths = segment.FieldLengths.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
        return idfTimesWeight * Bm25F.Saturate(bm25.PseudoFrequency(Cursor.Tf, lengths));
    }
}
