using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Every matching Lucene doc with its score, by global doc id: facets count over all matches and hits group by
/// document, so nothing is pruned here (the indexes this product serves hold thousands of sections, not millions).
/// </summary>
internal sealed class MatchCollector : ICollector
{
    private Scorer? _scorer;
    private int _docBase;

    public List<(int Doc, float Score)> Matches { get; } = [];

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => Matches.Add((_docBase + doc, _scorer!.GetScore()));
}
