using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// The request's filters and exclusions, checked against a matching section's doc values. <see cref="Failures"/>
/// returns a bit per facet whose filter the section fails, as the native engine's segment filter does, so a section
/// failing only one facet's filter still counts toward that facet's other values (multi-select facets), and an
/// excluded value still shows its count. Applied to the matches rather than as Lucene filter clauses for that
/// reason: a filter clause would drop the sections the facets must still count.
/// </summary>
internal sealed class SectionFilter(SearchFilters filters)
{
    public const int Issuer = 1, Year = 2, Region = 4, Type = 8, Industry = 16, Unit = 32;

    /// <summary>A section of a document outside <see cref="SearchFilters.Documents"/>: no facet's bit covers it, so no facet counts it.</summary>
    public const int OutsideDocuments = 64;

    private readonly HashSet<string>? _documents = Set(filters.Documents);

    private readonly HashSet<string>? _issuers = Set(filters.Issuers), _regions = Set(filters.Regions), _types = Set(filters.Types),
        _industries = Set(filters.Industries), _units = Set(filters.Units);
    private readonly HashSet<string>? _notIssuers = Set(filters.ExcludedIssuers), _notRegions = Set(filters.ExcludedRegions),
        _notTypes = Set(filters.ExcludedTypes), _notIndustries = Set(filters.ExcludedIndustries), _notUnits = Set(filters.ExcludedUnits);
    private readonly bool _hasYear = filters.YearFrom is not null || filters.YearTo is not null;
    private readonly int _yearFrom = filters.YearFrom ?? int.MinValue, _yearTo = filters.YearTo ?? int.MaxValue;

    public int Failures(SectionInfo s)
    {
        int fail = 0;
        if (_documents is not null && !_documents.Contains(s.DocumentId))
            fail |= OutsideDocuments;
        if (_issuers is not null && !s.Issuers.Any(_issuers.Contains))
            fail |= Issuer;
        if (_hasYear && (s.Year < 0 || s.Year < _yearFrom || s.Year > _yearTo))
            fail |= Year;
        if (_regions is not null && (s.Region is null || !_regions.Contains(s.Region)))
            fail |= Region;
        if (_types is not null && (s.Type is null || !_types.Contains(s.Type)))
            fail |= Type;
        if (_industries is not null && !s.Industries.Any(_industries.Contains))
            fail |= Industry;
        if (_units is not null && !s.Units.Any(_units.Contains))
            fail |= Unit;
        if (_notUnits is not null && s.Units.Any(_notUnits.Contains))
            fail |= Unit;
        if (_notIssuers is not null && s.Issuers.Any(_notIssuers.Contains))
            fail |= Issuer;
        if (_notRegions is not null && s.Region is not null && _notRegions.Contains(s.Region))
            fail |= Region;
        if (_notTypes is not null && s.Type is not null && _notTypes.Contains(s.Type))
            fail |= Type;
        if (_notIndustries is not null && s.Industries.Any(_notIndustries.Contains))
            fail |= Industry;
        return fail;
    }

    private static HashSet<string>? Set(IReadOnlyList<string> values) => values.Count == 0 ? null : new HashSet<string>(values, StringComparer.Ordinal);
}
