using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;

namespace SearchEngine.Search;

/// <summary>
/// 快照 — an index as of one commit, with everything a reader asks of it. Immutable and thread-safe: any number of
/// requests use it while the writer commits the next one.
/// </summary>
public interface IIndexSnapshot
{
    /// <summary>The commit generation this snapshot shows.</summary>
    long Generation { get; }

    /// <summary>Live documents.</summary>
    int DocumentCount { get; }

    /// <summary>Live sections (the unit of search).</summary>
    int SectionCount { get; }

    /// <summary>Runs a query in the query language with filters: hits (grouped by document or not), facets, snippets.</summary>
    SearchResult Search(SearchRequest request);

    /// <summary>趋势 — distinct matching documents by issuer and year; documents without a year are left out.</summary>
    IReadOnlyList<TrendCell> Trend(string query, SearchFilters? filters = null, bool expand = true);

    /// <summary>Completions of a typed prefix: terms, issuers and titles, with their kinds and counts.</summary>
    IReadOnlyList<Suggestion> Suggest(string prefix, int count = 10);

    /// <summary>A live document by id, its texts read on demand, or null.</summary>
    IStoredDocument? OpenDocument(string id);

    /// <summary>
    /// Marks what a search for <paramref name="query"/> matches in whole texts of a document (the document view):
    /// the same words, synonyms (unless <paramref name="expand"/> is false) and phrases the search matched.
    /// </summary>
    TextMarker MarkerFor(string query, bool expand = true);
}
