namespace SearchEngine.Search.Model;

/// <summary>A search: the query text, filters, grouping and the page wanted.</summary>
public sealed record SearchRequest
{
    public string Query { get; init; } = "";
    public SearchFilters Filters { get; init; } = SearchFilters.None;

    /// <summary>Collapse hits by document (best section first, the document's other matching sections listed).</summary>
    public bool GroupByDocument { get; init; } = true;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;
    public int Size { get; init; } = 10;
    public bool Facets { get; init; } = true;

    /// <summary>Facet values listed per facet, most documents first (values the filters choose are listed besides).</summary>
    public int FacetLimit { get; init; } = DefaultFacetLimit;

    public const int DefaultFacetLimit = 100;

    /// <summary>The largest <see cref="FacetLimit"/> the API accepts.</summary>
    public const int MaxFacetLimit = 1000;

    /// <summary>
    /// The order of hits (with grouping, of documents). A date order is exact over every match: every matching
    /// section is considered, and pruning skips only hits that cannot reach the requested page in that order.
    /// </summary>
    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Apply synonyms (氢能 also matches 氢燃料电池); false matches only the literal words.</summary>
    public bool Expand { get; init; } = true;

    public bool Highlight { get; init; } = true;

    /// <summary>An empty query (no words, no filters) matches every section instead of nothing: browsing, facet lists.</summary>
    public bool MatchAllWhenEmpty { get; init; }

    /// <summary>Characters of section text around the matches in a snippet.</summary>
    public int SnippetLength { get; init; } = 160;
}
