namespace SearchEngine.Index.Search;

/// <summary>
/// Keeps the best hits while matches stream in, segment by segment in section order: either the best
/// sections, or (grouping by document) each document's best section with its next best ones. Ties go to the
/// earlier section, so results are deterministic. Counts every match.
/// </summary>
internal sealed class HitCollector(int keep, bool groupByDocument)
{
    private const int OtherSectionsKept = 3;

    internal sealed record Candidate(int Segment, int DocOrd, int Section, double Score, List<(int Section, double Score)> Others);

    private readonly PriorityQueue<Candidate, (double Score, long Order)> _heap = new(Comparer<(double Score, long Order)>.Create(
        (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Order.CompareTo(a.Order)));

    private int _segment;
    private Candidate? _current;

    public long TotalSections { get; private set; }

    public long TotalDocuments { get; private set; }

    public void StartSegment(int segment)
    {
        Flush();
        _segment = segment;
    }

    public void Collect(int section, int docOrd, double score)
    {
        TotalSections++;
        if (!groupByDocument)
        {
            TotalDocuments += _current?.DocOrd == docOrd && _current.Segment == _segment ? 0 : 1;
            _current = new Candidate(_segment, docOrd, section, 0, []);
            Offer(new Candidate(_segment, docOrd, section, score, []));
            return;
        }
        if (_current is null || _current.DocOrd != docOrd || _current.Segment != _segment)
        {
            Flush();
            TotalDocuments++;
            _current = new Candidate(_segment, docOrd, section, score, []);
            return;
        }
        if (score > _current.Score)
        {
            _current.Others.Add((_current.Section, _current.Score));
            _current = _current with { Section = section, Score = score };
        }
        else
        {
            _current.Others.Add((section, score));
        }
    }

    public void Finish() => Flush();

    /// <summary>The kept hits, best first.</summary>
    public List<Candidate> Top()
    {
        var list = new List<(Candidate Candidate, (double Score, long Order) Priority)>();
        while (_heap.TryDequeue(out var c, out var p))
            list.Add((c, p));
        list.Reverse();
        return [.. list.Select(x => x.Candidate)];
    }

    private void Flush()
    {
        if (groupByDocument && _current is not null)
        {
            _current.Others.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Section.CompareTo(b.Section));
            if (_current.Others.Count > OtherSectionsKept)
                _current.Others.RemoveRange(OtherSectionsKept, _current.Others.Count - OtherSectionsKept);
            Offer(_current);
        }
        _current = null;
    }

    private void Offer(Candidate candidate)
    {
        long order = ((long)candidate.Segment << 32) | (uint)candidate.Section;
        if (_heap.Count < keep)
        {
            _heap.Enqueue(candidate, (candidate.Score, order));
            return;
        }
        _heap.EnqueueDequeue(candidate, (candidate.Score, order));
    }
}
