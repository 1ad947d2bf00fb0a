using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// One term over a set of fields, scored by BM25F from its per-field frequencies in one postings list. A
/// section whose occurrences all lie outside the fields asked for (title:氢能 and 氢能 only in the body) is
/// passed over.
/// </summary>
/// <param name="cursor">The term's postings in the segment.</param>
/// <param name="segment">The segment, for field lengths.</param>
/// <param name="bm25">Scoring for the query's field mask.</param>
/// <param name="idfTimesWeight">The term's idf times its clause weight.</param>
/// <param name="fieldMask">Scoring fields the query allows.</param>
/// <param name="lengthFactor">
/// How much larger a pseudo-frequency can be with the collection's average lengths than with the segment's
/// (max over fields of collection/segment average, at least 1); it rescales the stored block maxima.
/// </param>
internal sealed class TermMatcher(PostingsCursor cursor, SegmentReader segment, Bm25F bm25, double idfTimesWeight, int fieldMask, double lengthFactor) : Matcher
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

    private int _boundBlock = -1;
    private double _bound;
    private readonly int[] _maxTf = new int[IndexFields.ScoringFieldCount];
    private readonly byte[] _minNorms = new byte[IndexFields.TextFieldCount];

    public override double MaxScore()
    {
        int block = Cursor.CurrentBlock;
        if (block != _boundBlock)
        {
            _boundBlock = block;
            double pseudo;
            if (fieldMask == AllFields)
                pseudo = Cursor.BlockMaxPseudo(block) * lengthFactor; // stored per block for all fields
            else
            {
                BlockBounds.MaxTf(Cursor, block, _maxTf);
                BlockBounds.MinNorms(Cursor, block, _minNorms);
                pseudo = bm25.PseudoFrequency(_maxTf, _minNorms);
                _maskBound.Set(block, _maxTf); // the fields bound reads the same maxima: not read twice
            }
            _bound = idfTimesWeight * Bm25F.Saturate(pseudo);
        }
        return _bound;
    }

    /// <summary>
    /// The fields bound (<see cref="SectionFieldsBound"/>) when that alone is under the bar, else the section's own
    /// score: a term's frequencies are read in place (no block decoded, see <see cref="PostingsBlock.ReadFrequencies"/>),
    /// so the exact score costs little more than a narrower bound would, and a conjunction of common words skips the
    /// sections whose words' scores together cannot reach the kept hits. Kept for <see cref="Score"/>.
    /// </summary>
    public override double SectionMaxScore(double bar)
    {
        if (Doc < 0 || Doc == NoMoreDocs)
            return MaxScore();
        if (bar > double.NegativeInfinity)
        {
            // First the fields the term occurs in here: no frequency decoded and no length read for the sections
            // that cannot matter by that alone.
            double bound = SectionFieldsBound();
            if (BoundedBy(bound, bar))
                return bound;
        }
        return Score();
    }

    private int _fieldsBoundDoc = -1;
    private double _fieldsBound;

    public override double SectionFieldsBound()
    {
        if (Doc < 0 || Doc == NoMoreDocs)
            return MaxScore();
        if (_fieldsBoundDoc != Doc)
        {
            int block = Cursor.CurrentBlock;
            if (!_maskBound.IsFor(block))
                _maskBound.Set(Cursor, block);
            _fieldsBoundDoc = Doc;
            var norms = segment.Norms.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
            _fieldsBound = Math.Min(MaxScore(), idfTimesWeight * Bm25F.Saturate(_maskBound.PseudoFrequency(Cursor.Mask & fieldMask, norms)));
        }
        return _fieldsBound;
    }

    private readonly FieldMaskBound _maskBound = new(bm25);

    private int _scoredDoc = -1;
    private double _score;

    public override double Score()
    {
        if (_scoredDoc == Doc)
            return _score;
        _scoredDoc = Doc;
        var norms = segment.Norms.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
        return _score = idfTimesWeight * Bm25F.Saturate(bm25.PseudoFrequency(Cursor.Tf, norms, Cursor.Mask));
    }
}
