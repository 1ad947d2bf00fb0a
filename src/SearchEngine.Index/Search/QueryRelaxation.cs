using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Index.Search;

/// <summary>
/// What a search answers when no section holds every required word (工程机械 出口 品牌 数字化 where one section
/// speaks of exports and another of digitalisation). One scan of every section holding any word records which
/// words each holds. Then, first, documents whose sections together hold every word (under the filters): each
/// document's best section, scored by the words' coverage (the sum over words of its best section's score for
/// that word). Failing that, the set of words that one section holds together with the largest weight (a word
/// weighs its idf, so rare words weigh most) is required and the rest are not. Words that occur in no section at
/// all are reported. Never used when a full match exists.
/// </summary>
internal sealed class QueryRelaxation
{
    /// <summary>Most required words relaxation considers: masks of words are 64-bit.</summary>
    private const int MaxWords = 64;

    private const int OtherSectionsKept = 3;

    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<QueryCompiler.Conjunct> _words;
    private readonly Clause? _excluded;
    private readonly SearchFilters _filters;
    private readonly SearchRequest _request;
    private readonly int _keep;
    private readonly double[] _weights;

    // Filled by the scan.
    private readonly List<HitCollector.Candidate> _documents = [];
    private readonly List<(int Segment, int Section, int DocOrd)> _documentSections = [];
    private readonly Dictionary<ulong, (double Weight, int Sections)> _combinations = [];
    private readonly bool _scanned;

    public QueryRelaxation(IndexSearcher searcher, IReadOnlyList<QueryCompiler.Conjunct> words, Clause? excluded, SearchFilters filters, SearchRequest request, int keep)
    {
        _searcher = searcher;
        _words = words;
        _excluded = excluded;
        _filters = filters;
        _request = request;
        _keep = keep;
        _weights = [.. words.Select(w => Weight(w.Clause))];
        if (words.Count <= MaxWords)
        {
            Absent = Scan();
            _scanned = true;
        }
        else
            Absent = [];
    }

    /// <summary>Words (as typed) that no live section of the index holds, whatever the filters.</summary>
    public IReadOnlyList<string> Absent { get; }

    public sealed record Outcome(RelaxedMatch Notice, HitCollector Collector, FacetCollector Facets, long Scored);

    /// <summary>The relaxed answer, or null when there is none (one word, or no word occurs under the filters).</summary>
    public Outcome? Run()
    {
        if (!_scanned || _words.Count < 2)
            return null;
        if (_documents.Count > 0)
            return DocumentOutcome();
        if (_combinations.Count == 0)
            return null;
        // The heaviest combination of words one section holds; among equals, the one more sections hold.
        ulong best = _combinations.OrderByDescending(kv => kv.Value.Weight).ThenByDescending(kv => kv.Value.Sections).ThenBy(kv => kv.Key).First().Key;
        var required = Enumerable.Range(0, _words.Count).Where(k => (best & (1UL << k)) != 0).Select(k => _words[k].Clause).ToList();
        var notRequired = Enumerable.Range(0, _words.Count).Where(k => (best & (1UL << k)) == 0).Select(k => _words[k].Label).ToList();
        Clause clause = required.Count == 1 ? required[0] : new AllClause(required);
        if (_excluded is not null)
            clause = new ExcludeClause(clause, _excluded);
        var (collector, facets, scored) = _searcher.Collect(clause, _filters, _request, _keep);
        return new Outcome(new RelaxedMatch(RelaxedMatch.PartialMode, notRequired), collector, facets, scored);
    }

    private Outcome DocumentOutcome()
    {
        var collector = new HitCollector(_keep, groupByDocument: true);
        foreach (var candidate in _documents)
            collector.Offer(candidate);
        var facets = new FacetCollector();
        int segment = -1;
        var snapshot = _searcher.Snapshot;
        if (_request.Facets)
        {
            foreach (var (s, section, docOrd) in _documentSections)
            {
                if (s != segment)
                {
                    segment = s;
                    facets.StartSegment(snapshot.Segments[s].Reader.Values);
                }
                facets.Collect(section, docOrd, 0);
            }
        }
        collector.SetTotals(_documentSections.Count, _documents.Count);
        return new Outcome(new RelaxedMatch(RelaxedMatch.DocumentMode, []), collector, facets, _documentSections.Count);
    }

    /// <summary>A word's weight: its idf (a phrase's summed over its terms; alternatives, the heaviest).</summary>
    private double Weight(Clause clause) => clause switch
    {
        TermClause t => _searcher.Idf(t.Term),
        PhraseClause p => p.Terms.Sum(_searcher.Idf),
        AnyClause any => any.Children.Max(Weight),
        AllClause all => all.Children.Sum(Weight),
        ExcludeClause ex => Weight(ex.Required),
        _ => 0,
    };

    /// <summary>Walks every live section holding any word; returns the words no live section holds.</summary>
    private List<string> Scan()
    {
        var snapshot = _searcher.Snapshot;
        int n = _words.Count;
        ulong all = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        var everywhere = 0UL;
        var bm25 = new Dictionary<int, Bm25F>();
        var sectionScores = new double[n];
        for (int s = 0; s < snapshot.Segments.Count; s++)
        {
            var view = snapshot.Segments[s];
            var matchers = _words.Select(w => _searcher.Build(w.Clause, view, bm25)).ToArray();
            var excluded = _excluded is null ? null : _searcher.Build(_excluded, view, bm25);
            var filter = new SegmentFilter(view.Reader, _filters);
            var document = new DocumentCoverage(n);
            foreach (var m in matchers)
                m.NextDoc();
            while (true)
            {
                int doc = Matcher.NoMoreDocs;
                foreach (var m in matchers)
                    doc = Math.Min(doc, m.Doc);
                if (doc == Matcher.NoMoreDocs)
                    break;
                int docOrd = view.Reader.SectionDocument[doc];
                ulong mask = 0;
                for (int k = 0; k < n; k++)
                {
                    if (matchers[k].Doc == doc)
                        mask |= 1UL << k;
                }
                if (!view.Deleted[docOrd])
                {
                    everywhere |= mask;
                    bool counts = filter.Failures(doc, docOrd) == 0 && (excluded is null || excluded.Advance(doc) != doc);
                    if (counts)
                    {
                        double weight = 0, score = 0;
                        for (int k = 0; k < n; k++)
                        {
                            sectionScores[k] = (mask & (1UL << k)) != 0 ? matchers[k].Score() : 0;
                            score += sectionScores[k];
                            if ((mask & (1UL << k)) != 0)
                                weight += _weights[k];
                        }
                        var seen = _combinations.GetValueOrDefault(mask);
                        _combinations[mask] = (weight, seen.Sections + 1);
                        if (document.DocOrd != docOrd)
                        {
                            Finish(document, s, all);
                            document.Start(docOrd);
                        }
                        document.Add(doc, mask, weight, score, sectionScores);
                    }
                }
                foreach (var m in matchers)
                {
                    if (m.Doc == doc)
                        m.NextDoc();
                }
            }
            Finish(document, s, all);
        }
        return [.. Enumerable.Range(0, n).Where(k => (everywhere & (1UL << k)) == 0).Select(k => _words[k].Label)];
    }

    /// <summary>Keeps a document whose sections together hold every word (no single one does: no full match exists).</summary>
    private void Finish(DocumentCoverage document, int segment, ulong all)
    {
        if (document.DocOrd < 0 || document.Union != all)
            return;
        var sections = document.Sections.OrderByDescending(x => x.Weight).ThenByDescending(x => x.Score).ThenBy(x => x.Section).ToList();
        var others = sections.Skip(1).OrderByDescending(x => x.Score).ThenBy(x => x.Section).Take(OtherSectionsKept).Select(x => (x.Section, x.Score)).ToList();
        _documents.Add(new HitCollector.Candidate(segment, document.DocOrd, sections[0].Section, document.BestScores.Sum(), others));
        foreach (var x in document.Sections)
            _documentSections.Add((segment, x.Section, document.DocOrd));
    }

    /// <summary>The matching sections of the document being scanned and the words they hold together.</summary>
    private sealed class DocumentCoverage(int words)
    {
        public int DocOrd { get; private set; } = -1;

        public ulong Union { get; private set; }

        public double[] BestScores { get; } = new double[words];

        public List<(int Section, double Weight, double Score)> Sections { get; } = [];

        public void Start(int docOrd)
        {
            DocOrd = docOrd;
            Union = 0;
            Array.Clear(BestScores);
            Sections.Clear();
        }

        public void Add(int section, ulong mask, double weight, double score, double[] scores)
        {
            Union |= mask;
            for (int k = 0; k < scores.Length; k++)
                BestScores[k] = Math.Max(BestScores[k], scores[k]);
            Sections.Add((section, weight, score));
        }
    }
}
