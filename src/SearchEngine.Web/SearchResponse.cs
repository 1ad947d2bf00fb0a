using SearchEngine.Core.Documents;
using SearchEngine.Index.Model;

namespace SearchEngine.Web;

/// <summary>The /api/search response: the engine's result in the API's shape, with a link to each hit.</summary>
internal sealed record SearchResponse(
    string Query, long Total, long TotalDocuments, double TookMs, IReadOnlyList<string> Warnings,
    IReadOnlyList<SearchResponse.Hit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    internal sealed record Hit(
        string DocumentId, int SectionId, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date,
        int? Year, string? Region, string? Type, IReadOnlyList<string> Industries, IReadOnlyList<ResponsibleUnit> Units,
        IReadOnlyList<string> HeadingPath, string Snippet, double Score, string Source, IReadOnlyList<string> AlternateSources,
        IReadOnlyList<SectionMatch> OtherSections, string Url);

    public static SearchResponse From(SearchResult r) => new(
        r.Query, r.Total, r.TotalDocuments, Math.Round(r.TookMs, 2), r.Warnings,
        [.. r.Hits.Select(h => new Hit(h.DocumentId, h.SectionId, h.Title, h.Issuers, h.DocumentNumber, h.Date, h.Year, h.Region, h.Type,
            h.Industries, h.Units, h.HeadingPath, h.Snippet, Math.Round(h.Score, 4), h.Source, h.AlternateSources, h.OtherSections,
            $"/?doc={Uri.EscapeDataString(h.DocumentId)}#s{h.SectionId}"))],
        r.Facets);
}
