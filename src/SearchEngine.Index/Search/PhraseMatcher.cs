using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// Terms at fixed relative positions in one text field: "战略性新兴产业". A conjunction of the terms finds
/// candidates; positions confirm them. Positions count character slots, so a phrase also matches across a
/// word and its sub-words (新能源 汽车 inside 新能源汽车). Scored as one pseudo-term whose frequency in each
/// field is its number of occurrences, with the terms' idfs summed, as Lucene scores phrases. With a slop, the
/// terms stay in order and up to that many extra slots may open between them in all. Positions do not say whether a
/// term stood whole or inside a longer word, so occurrences count in the sub-word field (weaker) beyond the number
/// the terms' whole-word frequencies allow, and sloppy occurrences always do: adjacent whole words rank first.
/// </summary>
internal sealed class PhraseMatcher : Matcher
{
    private readonly PostingsCursor[] _cursors;
    private readonly int[] _offsets;
    private readonly int _textFieldMask;
    private readonly SegmentReader _segment;
    private readonly Bm25F _bm25;
    private readonly double _idfTimesWeight;
    private readonly ConjunctionMatcher _candidates;
    private readonly int[] _phraseTf = new int[IndexFields.ScoringFieldCount];
    private readonly List<int>[] _positions;
    private readonly int _slop;

    public PhraseMatcher(PostingsCursor[] cursors, int[] offsets, int scoringFieldMask, SegmentReader segment, Bm25F bm25, double idfTimesWeight, int slop = 0)
    {
        _cursors = cursors;
        _slop = slop;
        _offsets = offsets;
        _segment = segment;
        _bm25 = bm25;
        _idfTimesWeight = idfTimesWeight;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            if ((scoringFieldMask & ((1 << f) | (1 << (f + IndexFields.TextFieldCount)))) != 0)
                _textFieldMask |= 1 << f;
        }
        _candidates = new ConjunctionMatcher(cursors.Select(c => new CursorMatcher(c)));
        _positions = [.. cursors.Select(_ => new List<int>())];
        _boundBlocks = [.. cursors.Select(_ => -1)];
        _maskBound = new FieldMaskBound(bm25);
    }

    public override long Cost => _candidates.Cost;

    public override Matcher Approximation => _candidates;

    public override bool ConfirmApproximation()
    {
        Doc = _candidates.Doc;
        return Occurs();
    }

    public override int NextDoc() => Confirm(_candidates.NextDoc());

    public override int Advance(int target) => Confirm(_candidates.Advance(target));

    private int Confirm(int candidate)
    {
        while (candidate != NoMoreDocs)
        {
            Doc = candidate;
            if (Occurs())
                break;
            candidate = _candidates.NextDoc();
        }
        return Doc = candidate;
    }

    /// <summary>The section whose occurrences <see cref="_phraseTf"/> holds, -1 for none.</summary>
    private int _countedDoc = -1;

    /// <summary>
    /// Whether the phrase occurs in an allowed field of the current candidate, stopping at the first occurrence, as
    /// Lucene's phrase matchers do: most matches are counted (facets) and never scored, so the frequencies
    /// (and the term frequencies they need) are computed by <see cref="Score"/> for the few that are.
    /// </summary>
    private bool Occurs()
    {
        for (int fields = SharedTextFields(); fields != 0; fields &= fields - 1)
        {
            if (!ReadPositions(System.Numerics.BitOperations.TrailingZeroCount(fields)))
                continue;
            foreach (int start in _positions[0])
            {
                if (Occurrence(start - _offsets[0]) >= 0)
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The allowed text fields every term occurs in at the current section (whole or inside a longer word), from their
    /// masks: a field one of them lacks costs no term its positions.
    /// </summary>
    private int SharedTextFields()
    {
        int shared = _textFieldMask;
        foreach (var cursor in _cursors)
        {
            int mask = cursor.Mask;
            shared &= mask | (mask >> IndexFields.TextFieldCount);
        }
        return shared;
    }

    /// <summary>Every term's positions in text field <paramref name="f"/>, which they all occur in; false when one of them has none there.</summary>
    private bool ReadPositions(int f)
    {
        for (int i = 0; i < _cursors.Length; i++)
        {
            _cursors[i].ReadPositions((IndexField)f, _positions[i]);
            if (_positions[i].Count == 0)
                return false;
        }
        return true;
    }

    /// <summary>Counts the phrase in each allowed text field at the current section, a confirmed match.</summary>
    private void CountOccurrences()
    {
        _countedDoc = Doc;
        _phraseTf.AsSpan().Clear();
        for (int fields = SharedTextFields(); fields != 0; fields &= fields - 1)
        {
            int f = System.Numerics.BitOperations.TrailingZeroCount(fields);
            if (!ReadPositions(f))
                continue;
            int exact = 0, sloppy = 0;
            foreach (int start in _positions[0])
            {
                switch (Occurrence(start - _offsets[0]))
                {
                    case 0:
                        exact++;
                        break;
                    case > 0:
                        sloppy++;
                        break;
                }
            }
            int whole = exact;
            if (exact > 0)
            {
                // Frequencies are decoded only for a section where the phrase stands exactly: most candidates hold
                // both words apart, and decoding their blocks' frequencies was a fifth of a phrase search.
                foreach (var cursor in _cursors)
                    whole = Math.Min(whole, cursor.Tf[f]);
            }
            _phraseTf[f] = whole;
            _phraseTf[f + IndexFields.TextFieldCount] = exact - whole + sloppy;
        }
    }

    /// <summary>
    /// The extra slots the phrase needs when its first term stands at anchor + offset 0: 0 when adjacent, up to the
    /// slop, or -1 when it does not occur there. Each term takes the nearest position that keeps the extra
    /// smallest, which leaves the most room for the terms after it.
    /// </summary>
    private int Occurrence(int anchor)
    {
        int extra = 0;
        for (int i = 1; i < _cursors.Length; i++)
        {
            int want = anchor + _offsets[i] + extra;
            int at = _positions[i].BinarySearch(want);
            if (at < 0)
                at = ~at;
            if (at == _positions[i].Count || _positions[i][at] - (anchor + _offsets[i]) > _slop)
                return -1;
            extra = _positions[i][at] - (anchor + _offsets[i]);
        }
        return extra;
    }

    public override double Score()
    {
        if (_countedDoc != Doc)
            CountOccurrences();
        var norms = _segment.Norms.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
        return _idfTimesWeight * Bm25F.Saturate(_bm25.PseudoFrequency(_phraseTf, norms));
    }

    /// <summary>
    /// An exact phrase occurs in a field at most as often as each of its terms does there (whole or inside a longer
    /// word: each occurrence takes its own slot of every term), so the least of the terms' block maxima bounds its
    /// frequency; a sloppy one at most as often as its first term (two starts may share a later term's slot). The
    /// largest of the terms' blocks' least lengths bounds the section's length from below. Computed when a cursor
    /// enters another block.
    /// </summary>
    private readonly int[] _boundBlocks;
    private readonly int[] _maxTf = new int[IndexFields.TextFieldCount];
    private readonly byte[] _minNorms = new byte[IndexFields.TextFieldCount];
    private double _blockBound;

    public override double MaxScore()
    {
        bool moved = false;
        for (int i = 0; i < _cursors.Length; i++)
        {
            int block = _cursors[i].CurrentBlock;
            if (block != _boundBlocks[i])
            {
                _boundBlocks[i] = block;
                moved = true;
            }
        }
        if (!moved)
            return _blockBound;
        Array.Fill(_maxTf, int.MaxValue);
        Array.Fill(_minNorms, (byte)0);
        for (int i = 0; i < _cursors.Length; i++)
        {
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
            {
                _minNorms[f] = Math.Max(_minNorms[f], LengthNorm.Encode(_cursors[i].BlockMinLength(_boundBlocks[i], f)));
                if (_slop > 0 && i > 0)
                    continue;
                int whole = _cursors[i].BlockMaxTf(_boundBlocks[i], f), sub = _cursors[i].BlockMaxTf(_boundBlocks[i], f + IndexFields.TextFieldCount);
                // 255 is stored for "255 or more": bound it by a frequency that saturates the score.
                int both = whole == byte.MaxValue || sub == byte.MaxValue ? 1_000_000 : whole + sub;
                _maxTf[f] = Math.Min(_maxTf[f], both);
            }
        }
        Span<int> bound = stackalloc int[IndexFields.ScoringFieldCount];
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            if ((_textFieldMask & (1 << f)) != 0)
                bound[f] = _maxTf[f];
        }
        _maskBound.Set(++_boundVersion, bound);
        return _blockBound = _idfTimesWeight * Bm25F.Saturate(_bm25.PseudoFrequency(bound, _minNorms));
    }

    /// <summary>The block bound's per-field parts, for a section's bound from the fields its terms share there.</summary>
    private readonly FieldMaskBound _maskBound;
    private int _boundVersion;

    /// <summary>
    /// The same bound from the section's own term frequencies and lengths (read without positions): most candidates
    /// of a common phrase hold its words once or twice and cannot reach the kept hits, and counting the phrase in them
    /// (positions of every term in every field) was most of such a search.
    /// </summary>
    public override double SectionMaxScore(double bar)
    {
        if (Doc < 0 || Doc == NoMoreDocs)
            return MaxScore();
        double limit = MaxScore();
        if (bar > double.NegativeInfinity)
        {
            limit = SectionFieldsBound();
            if (BoundedBy(limit, bar))
                return limit;
        }
        Span<int> bound = stackalloc int[IndexFields.ScoringFieldCount];
        int terms = _slop > 0 ? 1 : _cursors.Length;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            if ((_textFieldMask & (1 << f)) == 0)
                continue;
            int least = int.MaxValue;
            for (int i = 0; i < terms; i++)
            {
                var tf = _cursors[i].Tf;
                least = Math.Min(least, tf[f] + tf[f + IndexFields.TextFieldCount]);
            }
            bound[f] = least; // all of them whole: the stronger field
        }
        var norms = _segment.Norms.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
        return Math.Min(limit, _idfTimesWeight * Bm25F.Saturate(_bm25.PseudoFrequency(bound, norms)));
    }

    /// <summary>
    /// The phrase can stand only in a text field every term occurs in here (whole or inside a longer word), as the
    /// terms' field masks say: bounded by those fields' parts of the block bound, a section is set aside without
    /// decoding a frequency or reading its lengths.
    /// </summary>
    public override double SectionFieldsBound()
    {
        double blockBound = MaxScore();
        if (Doc < 0 || Doc == NoMoreDocs)
            return blockBound;
        if (_fieldsBoundDoc != Doc)
        {
            int shared = SharedTextFields();
            _fieldsBoundDoc = Doc;
            var norms = _segment.Norms.AsSpan(Doc * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
            _fieldsBound = Math.Min(blockBound, _idfTimesWeight * Bm25F.Saturate(_maskBound.PseudoFrequency(shared, norms)));
        }
        return _fieldsBound;
    }

    private int _fieldsBoundDoc = -1;
    private double _fieldsBound;

    /// <summary>A bare cursor as a matcher, for the candidate conjunction.</summary>
    private sealed class CursorMatcher(PostingsCursor cursor) : Matcher
    {
        public override long Cost => cursor.DocFrequency;

        public override int NextDoc() => Doc = cursor.NextDoc();

        public override int Advance(int target) => Doc = cursor.Advance(target);

        public override double Score() => 0;

        public override double MaxScore() => 0;
    }
}
