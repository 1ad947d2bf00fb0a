using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using SearchEngine.Core.Analysis;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Search;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// 快照 — one Lucene commit opened for searching: a DirectoryReader, which later commits never change, with the
/// sections' doc values read once. Thread-safe. Its reader is not closed when a newer snapshot replaces it (a
/// search may still hold it, and the contract has no release): its files stay open until the garbage collector
/// finalises it.
/// </summary>
internal sealed class LuceneSnapshot : IIndexSnapshot
{
    private static readonly Highlighter DocumentHighlighter = new(ChineseAnalyzer.Default);

    private readonly Lazy<SectionTable> _table;

    /// <summary>Outlines read, by document id: immutable like the snapshot, and a hit's outline is JSON to parse.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DocumentRecord> _outlines = new(StringComparer.Ordinal);

    private const int MaxCachedOutlines = 1024;

    public LuceneSnapshot(DirectoryReader reader, string analyzer)
    {
        Reader = reader;
        Analyzer = analyzer;
        Searcher = new IndexSearcher(reader) { Similarity = PolicySimilarity.Instance };
        Planner = analyzer == LuceneAnalyzers.SmartCn ? SmartCnQueryPlanner.Instance : PolicyQueryPlanner.Instance;
        _table = new Lazy<SectionTable>(() => new SectionTable(reader));
    }

    public DirectoryReader Reader { get; }

    public string Analyzer { get; }

    internal IndexSearcher Searcher { get; }

    internal IQueryPlanner Planner { get; }

    internal SectionTable Table => _table.Value;

    public long Generation => Reader.IndexCommit.Generation;

    public int DocumentCount => Table.DocumentCount;

    public int SectionCount => Table.SectionCount;

    public SearchResult Search(SearchRequest request) => new LuceneSearcher(this).Search(request);

    public IReadOnlyList<TrendCell> Trend(string query, SearchFilters? filters = null, bool expand = true) =>
        new LuceneSearcher(this).Trend(query, filters ?? SearchFilters.None, expand);

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count = 10) => new LuceneSuggester(this).Suggest(prefix, count);

    IStoredDocument? IIndexSnapshot.OpenDocument(string id) => OpenDocument(id);

    /// <summary>A live document by id, its outline read at once and its section texts on demand, or null.</summary>
    internal LuceneStoredDocument? OpenDocument(string id)
    {
        if (!Table.Documents.TryGetValue(id, out int doc))
            return null;
        if (!_outlines.TryGetValue(id, out var outline))
        {
            outline = DocumentJson.Read(Reader.Document(doc).Get(LuceneFields.Record, CultureInfo.InvariantCulture));
            // Bounded: a snapshot of a large index keeps the outlines searches keep showing, not every one.
            if (_outlines.Count >= MaxCachedOutlines)
                _outlines.Clear();
            _outlines[id] = outline;
        }
        var sections = Table.SectionsOf.TryGetValue(id, out var list) ? list.ToDictionary(s => s.Position, s => s.Doc) : [];
        return new LuceneStoredDocument(outline, sections, Reader);
    }

    public TextMarker MarkerFor(string query, bool expand = true)
    {
        var terms = new LuceneSearcher(this).HighlightTermsFor(query, expand);
        return text => DocumentHighlighter.Full(text, terms);
    }
}
