using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// Keeps the best hits while matches stream in, segment by segment in section order: either the best
/// sections, or (grouping by document) each document's best section with its next best ones. "Best" is the
/// sort's key first (0 for relevance; the document's date for a date order, no date last), then the score, then
/// the earlier section, so results are deterministic. Counts every match; allocates only for hits that can still
/// enter the top (a full heap's weakest hit is the bar, so a date order scores only the sections of documents
/// whose date can still make the page).
/// </summary>
internal sealed class HitCollector(int keep, bool groupByDocument, SearchSort sort = SearchSort.Relevance)
{
    private const int OtherSectionsKept = 3;

    internal sealed record Candidate(int Segment, int DocOrd, int Section, double Score, List<(int Section, double Score)> Others)
    {
        /// <summary>The sort key, higher first (see <see cref="HitCollector.Key"/>).</summary>
        public int Key { get; init; }
    }

    private readonly PriorityQueue<Candidate, (int Key, double Score, long Order)> _heap = new(Comparer<(int Key, double Score, long Order)>.Create(
        (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order)));

    /// <summary>The segment's <see cref="DocValues.SortDay"/> column (date orders only).</summary>
    private int[]? _sortDays;

    private int _segment;
    private int _lastDoc = -1;

    // The document being accumulated (grouped mode): its best section and others, kept in fields to avoid allocation.
    private int _docOrd = -1, _bestSection;
    private double _bestScore;
    private readonly List<(int Section, double Score)> _others = [];

    public long TotalSections { get; private set; }

    public long TotalDocuments { get; private set; }

    public void StartSegment(int segment, DocValues values)
    {
        Flush();
        _segment = segment;
        _lastDoc = -1;
        _sortDays = sort == SearchSort.Relevance ? null : values.SortDay;
    }

    public void Collect(int section, int docOrd, double score)
    {
        TotalSections++;
        if (!groupByDocument)
        {
            if (docOrd != _lastDoc)
            {
                TotalDocuments++;
                _lastDoc = docOrd;
            }
            if (Competitive(Key(docOrd), score, section))
                Offer(new Candidate(_segment, docOrd, section, score, []) { Key = Key(docOrd) });
            return;
        }
        if (docOrd != _docOrd)
        {
            Flush();
            TotalDocuments++;
            (_docOrd, _bestSection, _bestScore) = (docOrd, section, score);
            return;
        }
        if (score > _bestScore)
        {
            if (_bestSection >= 0)
                _others.Add((_bestSection, _bestScore));
            (_bestSection, _bestScore) = (section, score);
        }
        else
        {
            _others.Add((section, score));
        }
    }

    /// <summary>
    /// What a bound is multiplied by before it is compared with a kept score: a sum of the same scores taken in
    /// another order may differ in the last bit, and a bound must never fall below the score it bounds.
    /// </summary>
    public const double RoundingMargin = 1 + 1e-12;

    /// <summary>
    /// Whether a section whose score is at most <paramref name="bound"/> could change the kept hits: enter the
    /// full heap, or (grouped) become its document's best section.
    /// </summary>
    public bool CanMatter(double bound, int section, int docOrd)
    {
        if (bound <= DocumentBest(docOrd))
            return false;
        return Competitive(Key(docOrd), bound * RoundingMargin, section);
    }

    /// <summary>
    /// Grouping by document, the score of <paramref name="docOrd"/>'s best scored section so far when it is the
    /// document being accumulated (another section must beat it to change the hit); else −∞.
    /// </summary>
    private double DocumentBest(int docOrd) =>
        groupByDocument && docOrd == _docOrd && _bestSection >= 0 ? _bestScore : double.NegativeInfinity;

    /// <summary>
    /// The score a section of <paramref name="docOrd"/> must exceed to change the kept hits (given to a matcher so it
    /// can stop narrowing a bound that already cannot), or −∞ while any section may: the heap is not full, or the
    /// order is by date, whose bar is not a score. A later section never wins a tie (its order is after every kept
    /// hit's), so a bound at most the bar cannot matter, as <see cref="CanMatter"/> decides.
    /// </summary>
    public double Bar(int docOrd)
    {
        if (_sortDays is not null || _heap.Count < keep)
            return double.NegativeInfinity;
        return Math.Max(_weakest.Score, DocumentBest(docOrd));
    }

    /// <summary>Counts a match that was not scored because it cannot change the kept hits.</summary>
    public void Count(int section, int docOrd)
    {
        TotalSections++;
        if (!groupByDocument)
        {
            if (docOrd != _lastDoc)
            {
                TotalDocuments++;
                _lastDoc = docOrd;
            }
            return;
        }
        if (docOrd != _docOrd)
        {
            Flush();
            TotalDocuments++;
            (_docOrd, _bestSection, _bestScore) = (docOrd, -1, double.NegativeInfinity);
        }
        // Listed among the document's other sections with an unknown (zero) score, after every scored one and in
        // section order: only the first few can be shown, and a common term's long document has hundreds.
        if (_unscoredOthers++ < OtherSectionsKept)
            _others.Add((section, 0));
    }

    /// <summary>The current document's sections counted without a score.</summary>
    private int _unscoredOthers;

    public void Finish() => Flush();

    /// <summary>The kept hits, best first.</summary>
    public List<Candidate> Top()
    {
        var list = new List<Candidate>();
        while (_heap.TryDequeue(out var c, out _))
            list.Add(c);
        list.Reverse();
        return list;
    }

    private void Flush()
    {
        if (groupByDocument && _docOrd >= 0)
        {
            if (_bestSection >= 0 && Competitive(Key(_docOrd), _bestScore, _bestSection))
            {
                _others.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Section.CompareTo(b.Section));
                Offer(new Candidate(_segment, _docOrd, _bestSection, _bestScore, [.. _others.Take(OtherSectionsKept)]) { Key = Key(_docOrd) });
            }
            _others.Clear();
        }
        _unscoredOthers = 0;
        _docOrd = -1;
    }

    /// <summary>
    /// The sort key of a document, higher first: 0 for relevance; its day for newest first, minus its day for
    /// oldest first; a document without a date is below every dated one in both date orders.
    /// </summary>
    private int Key(int docOrd)
    {
        if (_sortDays is null)
            return 0;
        int day = _sortDays[docOrd];
        return day == DocValues.NoDate ? int.MinValue : sort == SearchSort.DateDesc ? day : -day;
    }

    private bool Competitive(int key, double score, int section)
    {
        if (_heap.Count < keep)
            return true;
        var weakest = _weakest; // asked for every match: kept beside the heap rather than peeked
        if (key != weakest.Key)
            return key > weakest.Key;
        long order = Order(_segment, section);
        return score > weakest.Score || (score == weakest.Score && order < weakest.Order);
    }

    /// <summary>Sets the counts when the hits were found by other means (a relaxed answer offers its own candidates).</summary>
    public void SetTotals(long sections, long documents) => (TotalSections, TotalDocuments) = (sections, documents);

    /// <summary>Keeps a candidate if it is among the best so far (regardless of the segment being collected).</summary>
    public void Offer(Candidate candidate)
    {
        var priority = (candidate.Key, candidate.Score, Order(candidate.Segment, candidate.Section));
        if (_heap.Count < keep)
            _heap.Enqueue(candidate, priority);
        else
            _heap.EnqueueDequeue(candidate, priority);
        _heap.TryPeek(out _, out _weakest);
    }

    /// <summary>The priority of the weakest kept hit, the bar a full heap sets.</summary>
    private (int Key, double Score, long Order) _weakest;

    private static long Order(int segment, int section) => ((long)segment << 32) | (uint)section;
}
