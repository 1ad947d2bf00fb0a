using SearchEngine.Core.Documents;

namespace SearchEngine.Search.Model;

/// <summary>The answer to a search.</summary>
/// <param name="Query">The query as received.</param>
/// <param name="Total">Matching sections (exact).</param>
/// <param name="TotalDocuments">Matching documents (exact).</param>
/// <param name="TookMs">Time spent, in milliseconds.</param>
/// <param name="Warnings">What the query parser repaired or ignored.</param>
/// <param name="Hits">The requested page of hits, best first.</param>
/// <param name="Facets">Counts of distinct matching documents per value, by facet name.</param>
public sealed record SearchResult(
    string Query,
    long Total,
    long TotalDocuments,
    double TookMs,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)
{
    /// <summary>Matching sections that were scored; the rest were counted but pruned (they could not make the top).</summary>
    public long ScoredSections { get; init; }

    /// <summary>The query words that synonyms expanded, with what else they matched; empty when none were (or expansion was off).</summary>
    public IReadOnlyList<Expansion> Expansions { get; init; } = [];

    /// <summary>
    /// Set when no section held every word and the hits are a relaxed answer (see <see cref="RelaxedMatch"/>);
    /// null for an ordinary answer.
    /// </summary>
    public RelaxedMatch? Relaxed { get; init; }

    /// <summary>How many distinct values each facet has among the matches (the lists hold at most the facet limit).</summary>
    public IReadOnlyDictionary<string, int> FacetSizes { get; init; } = new Dictionary<string, int>();

    /// <summary>The filters the query text itself applied (issuer:…, -region:…, year:…), as typed.</summary>
    public IReadOnlyList<QueryFilter> QueryFilters { get; init; } = [];
}

/// <summary>
/// A filter typed in the query: its facet (<see cref="FacetNames"/>), value, whether it excludes (-issuer:…),
/// and the text that typed it, so a page can remove the filter by removing that text from the query.
/// </summary>
public sealed record QueryFilter(string Facet, string Value, bool Excluded, string Text);

/// <summary>
/// How a query was relaxed because no section held all its words: <c>document</c> — each hit is the best section
/// of a document whose sections together hold every word; <c>partial</c> — the hits hold every word but the
/// <see cref="NotRequired"/> ones (the words whose absence costs least, rare words weighing most).
/// </summary>
/// <param name="Mode"><see cref="DocumentMode"/> or <see cref="PartialMode"/>.</param>
/// <param name="NotRequired">The words, as typed, that the hits need not contain (none in document mode).</param>
public sealed record RelaxedMatch(string Mode, IReadOnlyList<string> NotRequired)
{
    public const string DocumentMode = "document";
    public const string PartialMode = "partial";
}

/// <summary>One hit: a section with its document's metadata and a highlighted snippet.</summary>
public sealed record SearchHit(
    string DocumentId,
    int SectionId,
    string Title,
    IReadOnlyList<string> Issuers,
    string? DocumentNumber,
    DateOnly? Date,
    int? Year,
    string? Region,
    string? Type,
    IReadOnlyList<string> Industries,
    IReadOnlyList<ResponsibleUnit> Units,
    IReadOnlyList<string> HeadingPath,
    string Snippet,
    double Score,
    string Source,
    IReadOnlyList<string> AlternateSources,
    IReadOnlyList<SectionMatch> OtherSections)
{
    /// <summary>Fields of the document whose shown value is inferred, not printed (see <see cref="DocumentRecord.Inferred"/>).</summary>
    public IReadOnlyList<string> Inferred { get; init; } = [];
}

/// <summary>Another matching section of the same document (when hits are grouped by document).</summary>
public sealed record SectionMatch(int SectionId, IReadOnlyList<string> HeadingPath, double Score);

/// <summary>A facet value and the number of distinct matching documents with it.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>The facet names.</summary>
public static class FacetNames
{
    public const string Industry = "industry";
    public const string Year = "year";
    public const string Issuer = "issuer";
    public const string Region = "region";
    public const string Type = "type";

    /// <summary>责任单位: the responsible units the matching sections name, counted by document.</summary>
    public const string Unit = "unit";
}

/// <summary>Matching documents of one issuer in one year.</summary>
public sealed record TrendCell(string Issuer, int Year, int Documents);
