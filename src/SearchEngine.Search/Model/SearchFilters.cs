namespace SearchEngine.Search.Model;

/// <summary>
/// Filters on a search, from structured parameters or from the query text. Several values of one facet are
/// alternatives (OR); different facets must all hold (AND). An excluded value (排除, <c>issuer_not=</c> or
/// <c>-issuer:</c>) removes what carries it, whatever else is chosen: a document with any excluded issuer, a
/// section with any excluded industry.
/// </summary>
public sealed record SearchFilters
{
    public static SearchFilters None { get; } = new();

    public IReadOnlyList<string> Issuers { get; init; } = [];
    public IReadOnlyList<string> Industries { get; init; } = [];
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Responsible units (责任单位): a section naming any of them.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }

    public IReadOnlyList<string> ExcludedIssuers { get; init; } = [];
    public IReadOnlyList<string> ExcludedIndustries { get; init; } = [];
    public IReadOnlyList<string> ExcludedRegions { get; init; } = [];
    public IReadOnlyList<string> ExcludedTypes { get; init; } = [];
    public IReadOnlyList<string> ExcludedUnits { get; init; } = [];

    /// <summary>
    /// Only these documents, by id (none: every document). Not a facet: a section outside them counts in no facet.
    /// A saved search asks it of the documents a commit added, to tell which of them it matches.
    /// </summary>
    public IReadOnlyList<string> Documents { get; init; } = [];

    public bool IsEmpty => Documents.Count == 0 && Issuers.Count == 0 && Industries.Count == 0 && Regions.Count == 0 && Types.Count == 0 && Units.Count == 0 && YearFrom is null && YearTo is null
        && ExcludedIssuers.Count == 0 && ExcludedIndustries.Count == 0 && ExcludedRegions.Count == 0 && ExcludedTypes.Count == 0 && ExcludedUnits.Count == 0;

    /// <summary>The values chosen (included or excluded) for a facet, by its name in <see cref="FacetNames"/>; none for the year.</summary>
    public IEnumerable<string> Chosen(string facet) => facet switch
    {
        FacetNames.Issuer => Issuers.Concat(ExcludedIssuers),
        FacetNames.Industry => Industries.Concat(ExcludedIndustries),
        FacetNames.Region => Regions.Concat(ExcludedRegions),
        FacetNames.Type => Types.Concat(ExcludedTypes),
        FacetNames.Unit => Units.Concat(ExcludedUnits),
        _ => [],
    };

    /// <summary>Both sets of filters: values of one facet are merged; year ranges intersect.</summary>
    public SearchFilters And(SearchFilters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SearchFilters
        {
            Issuers = [.. Issuers.Union(other.Issuers)],
            Industries = [.. Industries.Union(other.Industries)],
            Regions = [.. Regions.Union(other.Regions)],
            Types = [.. Types.Union(other.Types)],
            Units = [.. Units.Union(other.Units)],
            YearFrom = Max(YearFrom, other.YearFrom),
            YearTo = Min(YearTo, other.YearTo),
            ExcludedIssuers = [.. ExcludedIssuers.Union(other.ExcludedIssuers)],
            ExcludedIndustries = [.. ExcludedIndustries.Union(other.ExcludedIndustries)],
            ExcludedRegions = [.. ExcludedRegions.Union(other.ExcludedRegions)],
            ExcludedTypes = [.. ExcludedTypes.Union(other.ExcludedTypes)],
            ExcludedUnits = [.. ExcludedUnits.Union(other.ExcludedUnits)],
            // Two restrictions to documents both hold: their intersection (one alone restricts alone).
            Documents = Documents.Count == 0 ? other.Documents : other.Documents.Count == 0 ? Documents : [.. Documents.Intersect(other.Documents)],
        };
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
