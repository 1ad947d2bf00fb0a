using SearchEngine.Core.Documents;

namespace SearchEngine.Index.Model;

/// <summary>
/// The search response as the API (/api/search) and `searchengine search --json` print it: the engine's result
/// with a link to each hit in the page, scores and times rounded.
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

    /// <summary>Set when no section held every word and the hits are a relaxed answer; absent otherwise.</summary>
    public RelaxedMatch? Relaxed { get; init; }

    public static SearchResponse From(SearchResult r) => new(
        r.Query, r.Total, r.TotalDocuments, Math.Round(r.TookMs, 2), r.Warnings,
        [.. r.Hits.Select(h => new Hit(h.DocumentId, h.SectionId, h.Title, h.Issuers, h.DocumentNumber, h.Date, h.Year, h.Region, h.Type,
            h.Industries, h.Units, h.HeadingPath, h.Snippet, Math.Round(h.Score, 4), h.Source, h.AlternateSources, h.OtherSections,
            $"/?doc={Uri.EscapeDataString(h.DocumentId)}#s{h.SectionId}", h.Inferred))],
        r.Facets)
    { Relaxed = r.Relaxed };
}
