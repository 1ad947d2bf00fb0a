using SearchEngine.Core.Analysis;
using SearchEngine.Index.Storage;
using SearchEngine.Search;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// 快照 — the index as of one commit: its segments with their deletions and the collection statistics
/// scoring needs. Immutable, so any number of searches use it while a writer commits the next one.
/// </summary>
public sealed class IndexSnapshot : IIndexSnapshot
{
    /// <summary>One highlighter for every document view: it holds only the analyzer, which is thread-safe.</summary>
    private static readonly Highlighter DocumentHighlighter = new(ChineseAnalyzer.Default);

    private readonly Dictionary<string, long> _docFrequencyCache = new(StringComparer.Ordinal);

    internal IndexSnapshot(long generation, IReadOnlyList<SegmentView> segments)
    {
        Generation = generation;
        Segments = segments;
        // Each segment's totals are computed once per reader; a snapshot takes away only its deleted documents'
        // sections, so a commit (an upload) costs nothing per section of an index of a million sections.
        var totals = new double[IndexFields.TextFieldCount];
        Span<int> lengths = stackalloc int[IndexFields.TextFieldCount];
        foreach (var view in segments)
        {
            var r = view.Reader;
            SectionCount += r.SectionCount;
            DocumentCount += r.DocumentCount;
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
                totals[f] += r.FieldLengthTotals[f];
            if (view.Entry.Deletes is null)
                continue;
            for (int d = 0; d < r.DocumentCount; d++)
            {
                if (!view.Deleted[d])
                    continue;
                DocumentCount--;
                for (int s = r.FirstSection[d]; s < r.FirstSection[d + 1]; s++)
                {
                    SectionCount--;
                    r.ReadLengths(s, lengths);
                    for (int f = 0; f < IndexFields.TextFieldCount; f++)
                        totals[f] -= lengths[f];
                }
            }
        }
        AverageLengths = [.. totals.Select(t => SectionCount == 0 ? 1 : t / SectionCount)];
    }

    public static IndexSnapshot Empty { get; } = new(0, []);

    /// <summary>The commit generation this snapshot shows.</summary>
    public long Generation { get; }

    /// <summary>Live documents.</summary>
    public int DocumentCount { get; }

    /// <summary>Live sections (the unit of search).</summary>
    public int SectionCount { get; }

    internal IReadOnlyList<SegmentView> Segments { get; }

    internal double[] AverageLengths { get; }

    private Dictionary<string, (int Segment, int DocOrd)>? _byId;

    /// <summary>A live document by id with all its texts, or null.</summary>
    public DocumentRecord? FindDocument(string id) => OpenDocument(id)?.ReadAll();

    /// <summary>A live document by id, its texts read on demand (a page of a long document costs the page), or null.</summary>
    public StoredDocument? OpenDocument(string id)
    {
        var byId = LazyInitializer.EnsureInitialized(ref _byId, () =>
        {
            var map = new Dictionary<string, (int Segment, int DocOrd)>(StringComparer.Ordinal);
            for (int s = 0; s < Segments.Count; s++)
            {
                for (int d = 0; d < Segments[s].Reader.DocumentCount; d++)
                {
                    if (!Segments[s].Deleted[d])
                        map[Segments[s].Reader.DocumentId(d)] = (s, d);
                }
            }
            return map;
        });
        return byId.TryGetValue(id, out var at) ? Segments[at.Segment].Reader.OpenDocument(at.DocOrd) : null;
    }

    IStoredDocument? IIndexSnapshot.OpenDocument(string id) => OpenDocument(id);

    /// <summary>Searches with the default analyzer and synonyms (those the index was built with).</summary>
    public SearchResult Search(SearchRequest request) => new IndexSearcher(this).Search(request);

    public IReadOnlyList<TrendCell> Trend(string query, SearchFilters? filters = null, bool expand = true) =>
        new IndexSearcher(this).Trend(query, filters, expand);

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count = 10) => new Suggester(this, ChineseAnalyzer.Default).Suggest(prefix, count);

    public TextMarker MarkerFor(string query, bool expand = true)
    {
        var terms = new IndexSearcher(this).HighlightTermsFor(query, expand);
        return text => DocumentHighlighter.Full(text, terms);
    }

    /// <summary>Sections containing the term across segments (deleted ones included, as Lucene counts them).</summary>
    internal long DocFrequency(string term)
    {
        lock (_docFrequencyCache)
        {
            if (_docFrequencyCache.TryGetValue(term, out long cached))
                return cached;
        }
        long df = 0;
        foreach (var view in Segments)
        {
            if (view.Reader.TryGetTerm(term, out var info))
                df += info.DocFrequency;
        }
        lock (_docFrequencyCache)
        {
            if (_docFrequencyCache.Count > 100_000)
                _docFrequencyCache.Clear();
            _docFrequencyCache[term] = df;
        }
        return df;
    }
}
