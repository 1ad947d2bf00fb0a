using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// Counts, for each facet value, the distinct documents among the matching sections. A section's document
/// is counted toward a facet when the section passes every filter except, possibly, that facet's own. Sections
/// of one document are consecutive in a segment, so distinct counting only compares with the previous one.
/// Counts are kept per segment by value ordinal and turned into strings once, at the end of the segment.
/// </summary>
internal sealed class FacetCollector
{
    private const int IssuerFacet = 0, YearFacet = 1, RegionFacet = 2, TypeFacet = 3, IndustryFacet = 4, UnitFacet = 5;
    private static readonly int[] FacetBits = [SegmentFilter.Issuer, SegmentFilter.Year, SegmentFilter.Region, SegmentFilter.Type, SegmentFilter.Industry, SegmentFilter.Unit];

    private readonly Dictionary<string, int>[] _totals = [new(), new(), new(), new(), new(), new()];
    private readonly int[] _lastDoc = new int[6];
    private DocValues? _values;
    private FacetTable? _table;
    private int[][] _counts = [];
    private readonly Dictionary<int, int> _yearCounts = [];
    private int[] _industrySeen = [];
    private int[] _unitSeen = [];

    public void StartSegment(DocValues values)
    {
        FlushSegment();
        _values = values;
        _table = values.Table;
        _counts = [new int[values.Issuers.Length], [], new int[values.Regions.Length], new int[values.Types.Length], new int[values.Industries.Length], new int[values.Units.Length]];
        _industrySeen = new int[values.Industries.Length];
        Array.Fill(_industrySeen, -1);
        _unitSeen = new int[values.Units.Length];
        Array.Fill(_unitSeen, -1);
        Array.Fill(_lastDoc, -1);
        _lastFullDoc = -1;
    }

    /// <summary>Records a matching section that fails the filters in <paramref name="failures"/> (0 for a full match).</summary>
    public void Collect(int section, int docOrd, int failures)
    {
        if (failures == 0)
        {
            CollectFullMatch(section, docOrd);
            return;
        }
        for (int f = 0; f < FacetBits.Length; f++)
        {
            // A facet counts the sections that pass every filter but its own.
            if ((failures & ~FacetBits[f]) != 0)
                continue;
            if (f is IndustryFacet or UnitFacet)
                CountSectionValues(f, section, docOrd);
            else
                CountDocumentOnce(f, docOrd);
        }
    }

    /// <summary>
    /// A section that passes every filter counts toward every facet: the document's own values once per document
    /// (its sections are consecutive), the section's industries and units once per document and value. This is
    /// the path almost every match takes, so the facets are spelled out (the helpers inline with a constant facet)
    /// rather than looped over, and it reads the segment's <see cref="FacetTable"/>, one row per document, rather
    /// than a column per facet.
    /// </summary>
    private void CollectFullMatch(int section, int docOrd)
    {
        if (docOrd != _lastFullDoc)
        {
            // A full match counts all four: the document's later sections need not ask each facet again.
            _lastFullDoc = docOrd;
            CountDocumentOnce(IssuerFacet, docOrd);
            CountDocumentOnce(YearFacet, docOrd);
            CountDocumentOnce(RegionFacet, docOrd);
            CountDocumentOnce(TypeFacet, docOrd);
        }
        if (!_table!.HasSectionValues(section))
            return; // most sections carry no industry and no unit of their own
        CountSectionValues(IndustryFacet, section, docOrd);
        CountSectionValues(UnitFacet, section, docOrd);
    }

    /// <summary>The document whose document-level facets a full match last counted (all four at once).</summary>
    private int _lastFullDoc = -1;

    /// <summary>Counts the document toward a document-level facet unless it already was (its sections are consecutive).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountDocumentOnce(int facet, int docOrd)
    {
        if (_lastDoc[facet] == docOrd)
            return;
        _lastDoc[facet] = docOrd;
        CountDocumentValue(facet, docOrd);
    }

    /// <summary>Counts a document's value (or values: issuers) of a document-level facet.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountDocumentValue(int facet, int docOrd)
    {
        var table = _table!;
        int value = table.Documents[(docOrd * FacetTable.RowSize) + facet switch { YearFacet => 0, RegionFacet => 1, TypeFacet => 2, _ => 3 }];
        if (facet == YearFacet)
            CountYear(value);
        else if (value >= 0)
            _counts[facet][value]++;
        else if (value < -1)
        {
            // Several issuers (联合发文): their count and ordinals are kept apart.
            var more = table.MoreIssuers.AsSpan(-2 - value);
            foreach (int o in more.Slice(1, more[0]))
                _counts[facet][o]++;
        }
    }

    /// <summary>Counts a section's industries or units, each value once per document however many sections carry it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void CountSectionValues(int facet, int section, int docOrd)
    {
        var table = _table!;
        int first = (2 * section) + (facet == IndustryFacet ? 0 : 1);
        var seen = facet == IndustryFacet ? _industrySeen : _unitSeen;
        var counts = _counts[facet];
        for (int i = table.SectionStarts[first]; i < table.SectionStarts[first + 1]; i++)
        {
            int o = table.SectionValues[i];
            if (seen[o] != docOrd)
            {
                seen[o] = docOrd;
                counts[o]++;
            }
        }
    }

    /// <summary>Years counted in an array from <see cref="FirstYear"/> (a dictionary lookup per document was a visible cost), others in a dictionary.</summary>
    private const int FirstYear = 1900;
    private readonly int[] _years = new int[256];

    private void CountYear(int year)
    {
        if (year < 0)
            return;
        if ((uint)(year - FirstYear) < (uint)_years.Length)
            _years[year - FirstYear]++;
        else
            _yearCounts[year] = _yearCounts.GetValueOrDefault(year) + 1;
    }

    /// <summary>
    /// Counts by facet name, most documents first (years newest first), at most <paramref name="limit"/> values a
    /// facet; a value <paramref name="chosen"/> includes or excludes is always listed (after the top ones when it is
    /// not among them), with its count or 0, so a choice never vanishes from its list. <see cref="Sizes"/> then
    /// holds how many values each facet has in all.
    /// </summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result(int limit = int.MaxValue, SearchFilters? chosen = null)
    {
        FlushSegment();
        IReadOnlyList<FacetValue> Listed(string name, IEnumerable<KeyValuePair<string, int>> ordered, Dictionary<string, int> counts)
        {
            var top = ordered.Take(limit).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
            foreach (var value in chosen?.Chosen(name) ?? [])
            {
                if (!top.Exists(v => v.Value == value))
                    top.Add(new FacetValue(value, counts.GetValueOrDefault(value)));
            }
            Sizes[name] = counts.Count;
            return top;
        }
        IReadOnlyList<FacetValue> Sorted(string name, int facet) =>
            Listed(name, _totals[facet].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal), _totals[facet]);
        return new Dictionary<string, IReadOnlyList<FacetValue>>
        {
            [FacetNames.Industry] = Sorted(FacetNames.Industry, IndustryFacet),
            [FacetNames.Year] = Listed(FacetNames.Year, _totals[YearFacet].OrderByDescending(kv => kv.Key, StringComparer.Ordinal), _totals[YearFacet]),
            [FacetNames.Issuer] = Sorted(FacetNames.Issuer, IssuerFacet),
            [FacetNames.Region] = Sorted(FacetNames.Region, RegionFacet),
            [FacetNames.Type] = Sorted(FacetNames.Type, TypeFacet),
            [FacetNames.Unit] = Sorted(FacetNames.Unit, UnitFacet),
        };
    }

    /// <summary>How many distinct values each facet has among the matches (filled by <see cref="Result"/>).</summary>
    public Dictionary<string, int> Sizes { get; } = [];

    private void FlushSegment()
    {
        if (_values is null)
            return;
        Add(IssuerFacet, _values.Issuers);
        Add(RegionFacet, _values.Regions);
        Add(TypeFacet, _values.Types);
        Add(IndustryFacet, _values.Industries);
        Add(UnitFacet, _values.Units);
        for (int y = 0; y < _years.Length; y++)
        {
            if (_years[y] > 0)
                _yearCounts[FirstYear + y] = _yearCounts.GetValueOrDefault(FirstYear + y) + _years[y];
        }
        Array.Clear(_years);
        foreach (var (year, count) in _yearCounts)
            Increment(YearFacet, year.ToString(System.Globalization.CultureInfo.InvariantCulture), count);
        _yearCounts.Clear();
        _values = null;
    }

    private void Add(int facet, string[] table)
    {
        for (int o = 0; o < table.Length; o++)
        {
            if (_counts[facet][o] > 0)
                Increment(facet, table[o], _counts[facet][o]);
        }
    }

    private void Increment(int facet, string value, int count) =>
        _totals[facet][value] = _totals[facet].GetValueOrDefault(value) + count;
}
