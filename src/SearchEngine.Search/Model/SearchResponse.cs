using SearchEngine.Core.Documents;

namespace SearchEngine.Search.Model;

/// <summary>
/// The search response as the API (/api/search) and `searchengine search --json` print it: the engine's result
/// with a link to each hit in the page (relative to the page's folder, so a server under a sub-path works, and
/// carrying the query, so the document opens highlighted), scores and times rounded.
/// </summary>
public sealed record SearchResponse(
    string Query, long Total, long TotalDocuments, double TookMs, IReadOnlyList<string> Warnings,
    IReadOnlyList<SearchResponse.Hit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    public sealed record Hit(
        string DocumentId, int SectionId, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date,
        int? Year, string? Region, string? Type, IReadOnlyList<string> Industries, IReadOnlyList<ResponsibleUnit> Units,
        IReadOnlyList<string> HeadingPath, string Snippet, double Score, string Source, IReadOnlyList<string> AlternateSources,
        IReadOnlyList<SectionMatch> OtherSections, string Url, IReadOnlyList<string> Inferred);

    /// <summary>The query words that synonyms expanded and what else they matched (see <see cref="Expansion"/>).</summary>
    public IReadOnlyList<Expansion> Expansions { get; init; } = [];

    /// <summary>Set when no section held every word and the hits are a relaxed answer; absent otherwise.</summary>
    public RelaxedMatch? Relaxed { get; init; }

    /// <summary>How many distinct values each facet has among the matches; a facet's list holds at most facetLimit of them.</summary>
    public IReadOnlyDictionary<string, int> FacetSizes { get; init; } = new Dictionary<string, int>();

    /// <summary>The filters the query text applied (issuer:…, -region:…, year:…), each with the text that typed it.</summary>
    public IReadOnlyList<QueryFilter> QueryFilters { get; init; } = [];

    public static SearchResponse From(SearchResult r) => new(
        r.Query, r.Total, r.TotalDocuments, Math.Round(r.TookMs, 2), r.Warnings,
        [.. r.Hits.Select(h => new Hit(h.DocumentId, h.SectionId, h.Title, h.Issuers, h.DocumentNumber, h.Date, h.Year, h.Region, h.Type,
            h.Industries, h.Units, h.HeadingPath, h.Snippet, Math.Round(h.Score, 4), h.Source, h.AlternateSources, h.OtherSections,
            PageLink(h.DocumentId, h.SectionId, r.Query), h.Inferred))],
        r.Facets)
    {
        Expansions = r.Expansions,
        Relaxed = r.Relaxed,
        FacetSizes = r.FacetSizes,
        QueryFilters = r.QueryFilters,
    };

    /// <summary>The page's link to a section: <c>?doc=…&amp;q=…#s…</c>.</summary>
    public static string PageLink(string documentId, int sectionId, string query) =>
        $"?doc={Uri.EscapeDataString(documentId)}{(string.IsNullOrWhiteSpace(query) ? "" : "&q=" + Uri.EscapeDataString(query))}#s{sectionId}";
}
