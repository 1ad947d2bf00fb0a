using System.Globalization;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Counts, for each facet value, the distinct documents among the matching sections (Lucene.Net.Facet is not used:
/// the counts come from the sections' doc values). A section's document counts toward a facet when the section
/// passes every filter except, possibly, that facet's own; issuers, year, region and type are the document's,
/// industries and units the section's, each document counted once per value.
/// </summary>
internal sealed class FacetCounter
{
    private static readonly (string Name, int Bit)[] Facets =
    [
        (FacetNames.Issuer, SectionFilter.Issuer), (FacetNames.Year, SectionFilter.Year), (FacetNames.Region, SectionFilter.Region),
        (FacetNames.Type, SectionFilter.Type), (FacetNames.Industry, SectionFilter.Industry), (FacetNames.Unit, SectionFilter.Unit),
    ];

    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _documents = Facets.ToDictionary(f => f.Name, _ => new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));

    /// <summary>Records a matching section that fails the filters in <paramref name="failures"/> (0 for a full match).</summary>
    public void Collect(SectionInfo s, int failures)
    {
        foreach (var (name, bit) in Facets)
        {
            if ((failures & ~bit) != 0)
                continue;
            foreach (string value in ValuesOf(name, s))
            {
                var byValue = _documents[name];
                if (!byValue.TryGetValue(value, out var documents))
                    byValue[value] = documents = new HashSet<string>(StringComparer.Ordinal);
                documents.Add(s.DocumentId);
            }
        }
    }

    private static string[] ValuesOf(string facet, SectionInfo s) => facet switch
    {
        FacetNames.Issuer => s.Issuers,
        FacetNames.Year => s.Year >= 0 ? [s.Year.ToString(CultureInfo.InvariantCulture)] : [],
        FacetNames.Region => s.Region is null ? [] : [s.Region],
        FacetNames.Type => s.Type is null ? [] : [s.Type],
        FacetNames.Industry => s.Industries,
        FacetNames.Unit => s.Units,
        _ => [],
    };

    /// <summary>How many distinct values each facet has among the matches (filled by <see cref="Result"/>).</summary>
    public Dictionary<string, int> Sizes { get; } = [];

    /// <summary>
    /// Counts by facet name, most documents first (years newest first), at most <paramref name="limit"/> values a
    /// facet; a value <paramref name="chosen"/> includes or excludes is always listed, with its count or 0.
    /// </summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> Result(int limit, SearchFilters chosen)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (string name in new[] { FacetNames.Industry, FacetNames.Year, FacetNames.Issuer, FacetNames.Region, FacetNames.Type, FacetNames.Unit })
        {
            var counts = _documents[name].ToDictionary(kv => kv.Key, kv => kv.Value.Count, StringComparer.Ordinal);
            var ordered = name == FacetNames.Year
                ? counts.OrderByDescending(kv => kv.Key, StringComparer.Ordinal)
                : counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal);
            var top = ordered.Take(limit).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
            foreach (var value in chosen.Chosen(name))
            {
                if (!top.Exists(v => v.Value == value))
                    top.Add(new FacetValue(value, counts.GetValueOrDefault(value)));
            }
            Sizes[name] = counts.Count;
            result[name] = top;
        }
        return result;
    }
}
