using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// The request's filters resolved to one segment's ordinals. <see cref="Failures"/> returns a bit per facet
/// whose filter a section fails, so a section failing only the industry filter still counts toward the
/// industry facet's other values (multi-select facets). An excluded value fails its facet's bit too, so the
/// facet still counts the excluded value (the page shows what excluding it removed).
/// </summary>
internal sealed class SegmentFilter
{
    public const int Issuer = 1, Year = 2, Region = 4, Type = 8, Industry = 16, Unit = 32;

    /// <summary>
    /// A section of a document outside <see cref="SearchFilters.Documents"/>: no facet's bit covers it, so no facet
    /// counts it (a facet counts a section failing its own filter alone).
    /// </summary>
    public const int OutsideDocuments = 64;

    /// <summary>The filters on a section's own values; the others are on its document's, alike for all its sections.</summary>
    public const int SectionLevel = Industry | Unit;

    private readonly DocValues _values;
    private readonly HashSet<int>? _issuers, _regions, _types, _industries, _units;
    private readonly HashSet<int>? _notIssuers, _notRegions, _notTypes, _notIndustries, _notUnits;
    private readonly int _yearFrom, _yearTo;
    private readonly bool _hasYear;

    public SegmentFilter(SegmentReader segment, SearchFilters filters)
    {
        _values = segment.Values;
        _issuers = Ordinals(_values.Issuers, filters.Issuers);
        _regions = Ordinals(_values.Regions, filters.Regions);
        _types = Ordinals(_values.Types, filters.Types);
        _industries = Ordinals(_values.Industries, filters.Industries);
        _units = Ordinals(_values.Units, filters.Units);
        _notIssuers = Excluded(_values.Issuers, filters.ExcludedIssuers);
        _notRegions = Excluded(_values.Regions, filters.ExcludedRegions);
        _notTypes = Excluded(_values.Types, filters.ExcludedTypes);
        _notIndustries = Excluded(_values.Industries, filters.ExcludedIndustries);
        _notUnits = Excluded(_values.Units, filters.ExcludedUnits);
        _hasYear = filters.YearFrom is not null || filters.YearTo is not null;
        _yearFrom = filters.YearFrom ?? int.MinValue;
        _yearTo = filters.YearTo ?? int.MaxValue;
        IsEmpty = filters.IsEmpty;
        if (filters.Documents.Count > 0)
        {
            // A scan of the segment's ids, paid only by a search restricted to documents (a saved search checking
            // what a commit added): a map of every id would be held by every reader for this one use.
            var wanted = new HashSet<string>(filters.Documents, StringComparer.Ordinal);
            _documents = [];
            for (int d = 0; d < segment.DocumentCount; d++)
            {
                if (wanted.Contains(segment.DocumentId(d)))
                    _documents.Add(d);
            }
        }
    }

    private readonly HashSet<int>? _documents;

    public bool IsEmpty { get; }

    public int Failures(int section, int docOrd)
    {
        if (IsEmpty)
            return 0;
        int fail = 0;
        if (_documents is not null && !_documents.Contains(docOrd))
            fail |= OutsideDocuments;
        if (_issuers is not null && !AnyIn(_values.DocumentIssuers[docOrd], _issuers))
            fail |= Issuer;
        if (_hasYear && (_values.Year[docOrd] < _yearFrom || _values.Year[docOrd] > _yearTo || _values.Year[docOrd] < 0))
            fail |= Year;
        if (_regions is not null && !_regions.Contains(_values.Region[docOrd]))
            fail |= Region;
        if (_types is not null && !_types.Contains(_values.Type[docOrd]))
            fail |= Type;
        if (_industries is not null && !AnyIn(_values.SectionIndustries[section], _industries))
            fail |= Industry;
        if (_units is not null && !AnyIn(_values.SectionUnits[section], _units))
            fail |= Unit;
        if (_notUnits is not null && AnyIn(_values.SectionUnits[section], _notUnits))
            fail |= Unit;
        if (_notIssuers is not null && AnyIn(_values.DocumentIssuers[docOrd], _notIssuers))
            fail |= Issuer;
        if (_notRegions is not null && _notRegions.Contains(_values.Region[docOrd]))
            fail |= Region;
        if (_notTypes is not null && _notTypes.Contains(_values.Type[docOrd]))
            fail |= Type;
        if (_notIndustries is not null && AnyIn(_values.SectionIndustries[section], _notIndustries))
            fail |= Industry;
        return fail;
    }

    /// <summary>Ordinals of the wanted values in this segment (an empty set when none occur), or null for no filter.</summary>
    private static HashSet<int>? Ordinals(string[] table, IReadOnlyList<string> wanted)
    {
        if (wanted.Count == 0)
            return null;
        var set = new HashSet<int>();
        foreach (var w in wanted)
        {
            int i = Array.BinarySearch(table, w, StringComparer.Ordinal);
            if (i >= 0)
                set.Add(i);
        }
        return set;
    }

    /// <summary>Ordinals of the excluded values in this segment, or null when none of them occurs here (nothing to remove).</summary>
    private static HashSet<int>? Excluded(string[] table, IReadOnlyList<string> excluded)
    {
        var set = Ordinals(table, excluded);
        return set is { Count: > 0 } ? set : null;
    }

    private static bool AnyIn(ReadOnlySpan<int> ords, HashSet<int> wanted)
    {
        foreach (int o in ords)
        {
            if (wanted.Contains(o))
                return true;
        }
        return false;
    }
}
