using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>
/// Counts, for each facet value, the distinct documents among the matching sections. A section's document
/// is counted toward a facet when the section passes every filter except, possibly, that facet's own. Sections
/// of one document are consecutive in a segment, so distinct counting only compares with the previous one.
/// </summary>
internal sealed class FacetCollector
{
    private static readonly int[] FacetBits = [SegmentFilter.Issuer, SegmentFilter.Year, SegmentFilter.Region, SegmentFilter.Type, SegmentFilter.Industry];

    private readonly Dictionary<string, int>[] _counts = [new(), new(), new(), new(), new()];
    private DocValues? _values;
    private readonly int[] _lastDoc = new int[5];
    private readonly HashSet<int> _currentIndustries = [];

    public void StartSegment(DocValues values)
    {
        FlushIndustries();
        _values = values;
        Array.Fill(_lastDoc, -1);
    }

    /// <summary>Records a matching section that fails the filters in <paramref name="failures"/> (0 for a full match).</summary>
    public void Collect(int section, int docOrd, int failures)
    {
        var v = _values!;
        for (int f = 0; f < FacetBits.Length; f++)
        {
            if ((failures & ~FacetBits[f]) != 0)
                continue;
            if (f == 4)
            {
                if (_lastDoc[f] != docOrd)
                {
                    FlushIndustries();
                    _lastDoc[f] = docOrd;
                }
                foreach (int o in v.SectionIndustries[section])
                    _currentIndustries.Add(o);
                continue;
            }
            if (_lastDoc[f] == docOrd)
                continue;
            _lastDoc[f] = docOrd;
            switch (f)
            {
                case 0:
                    foreach (int o in v.DocumentIssuers[docOrd])
                        Increment(0, v.Issuers[o]);
                    break;
                case 1:
                    if (v.Year[docOrd] >= 0)
                        Increment(1, v.Year[docOrd].ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case 2:
                    if (v.Region[docOrd] >= 0)
                        Increment(2, v.Regions[v.Region[docOrd]]);
                    break;
                case 3:
                    if (v.Type[docOrd] >= 0)
                        Increment(3, v.Types[v.Type[docOrd]]);
                    break;
            }
        }
    }

    /// <summary>Counts by facet name, most documents first (years newest first).</summary>
    public Dictionary<string, IReadOnlyList<Model.FacetValue>> Result()
    {
        FlushIndustries();
        IReadOnlyList<Model.FacetValue> Sorted(Dictionary<string, int> counts) =>
            [.. counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Model.FacetValue(kv.Key, kv.Value))];
        return new Dictionary<string, IReadOnlyList<Model.FacetValue>>
        {
            [Model.FacetNames.Industry] = Sorted(_counts[4]),
            [Model.FacetNames.Year] = [.. _counts[1].OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Select(kv => new Model.FacetValue(kv.Key, kv.Value))],
            [Model.FacetNames.Issuer] = Sorted(_counts[0]),
            [Model.FacetNames.Region] = Sorted(_counts[2]),
            [Model.FacetNames.Type] = Sorted(_counts[3]),
        };
    }

    private void FlushIndustries()
    {
        if (_values is null)
            return;
        foreach (int o in _currentIndustries)
            Increment(4, _values.Industries[o]);
        _currentIndustries.Clear();
    }

    private void Increment(int facet, string value) =>
        _counts[facet][value] = _counts[facet].GetValueOrDefault(value) + 1;
}
