namespace SearchEngine.Index.Search;

/// <summary>
/// Keeps the best hits while matches stream in, segment by segment in section order: either the best
/// sections, or (grouping by document) each document's best section with its next best ones. Ties go to the
/// earlier section, so results are deterministic. Counts every match; allocates only for hits that can still
/// enter the top (a full heap's weakest score is the bar).
/// </summary>
internal sealed class HitCollector(int keep, bool groupByDocument)
{
    private const int OtherSectionsKept = 3;

    internal sealed record Candidate(int Segment, int DocOrd, int Section, double Score, List<(int Section, double Score)> Others);

    private readonly PriorityQueue<Candidate, (double Score, long Order)> _heap = new(Comparer<(double Score, long Order)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order)));

    private int _segment;
    private int _lastDoc = -1;

    // The document being accumulated (grouped mode): its best section and others, kept in fields to avoid allocation.
    private int _docOrd = -1, _bestSection;
    private double _bestScore;
    private readonly List<(int Section, double Score)> _others = [];

    public long TotalSections { get; private set; }

    public long TotalDocuments { get; private set; }

    public void StartSegment(int segment)
    {
        Flush();
        _segment = segment;
        _lastDoc = -1;
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
            if (Competitive(score, section))
                Offer(new Candidate(_segment, docOrd, section, score, []));
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
    /// Whether a section whose score is at most <paramref name="bound"/> could change the kept hits: enter the
    /// full heap, or (grouped) become its document's best section.
    /// </summary>
    public bool CanMatter(double bound, int section, int docOrd)
    {
        if (groupByDocument && docOrd == _docOrd && _bestSection >= 0 && bound <= _bestScore)
            return false;
        return Competitive(bound * (1 + 1e-12), section);
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
        // Listed among the document's other sections with an unknown (zero) score.
        _others.Add((section, 0));
    }

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
            if (_bestSection >= 0 && Competitive(_bestScore, _bestSection))
            {
                _others.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Section.CompareTo(b.Section));
                Offer(new Candidate(_segment, _docOrd, _bestSection, _bestScore, [.. _others.Take(OtherSectionsKept)]));
            }
            _others.Clear();
        }
        _docOrd = -1;
    }

    private bool Competitive(double score, int section)
    {
        if (_heap.Count < keep)
            return true;
        _heap.TryPeek(out _, out var weakest);
        long order = Order(_segment, section);
        return score > weakest.Score || (score == weakest.Score && order < weakest.Order);
    }

    /// <summary>Sets the counts when the hits were found by other means (a relaxed answer offers its own candidates).</summary>
    public void SetTotals(long sections, long documents) => (TotalSections, TotalDocuments) = (sections, documents);

    /// <summary>Keeps a candidate if it is among the best so far (regardless of the segment being collected).</summary>
    public void Offer(Candidate candidate)
    {
        var priority = (candidate.Score, Order(candidate.Segment, candidate.Section));
        if (_heap.Count < keep)
            _heap.Enqueue(candidate, priority);
        else
            _heap.EnqueueDequeue(candidate, priority);
    }

    private static long Order(int segment, int section) => ((long)segment << 32) | (uint)section;
}
