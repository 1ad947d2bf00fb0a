using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// Columnar facet, filter and sort values: string tables for issuers, regions, types, industries and units, then per
/// document its year, its date (day number) and the ordinals of its values, and per section its industries and its
/// responsible units.
/// Counting a facet or ordering by date is then an array walk, with no stored document read.
/// </summary>
internal static class DocValuesCodec
{
    public static void Write(ByteWriter w, IReadOnlyList<DocumentRecord> documents)
    {
        var issuers = Table(documents.SelectMany(d => d.Issuers));
        var regions = Table(documents.Select(d => d.Region).OfType<string>());
        var types = Table(documents.Select(d => d.Type).OfType<string>());
        var industries = Table(documents.SelectMany(d => d.Industries.Concat(d.Sections.SelectMany(s => s.Industries))));
        var units = Table(documents.SelectMany(d => d.Sections.SelectMany(s => s.Units.Select(u => u.Name))));
        foreach (var table in new[] { issuers, regions, types, industries, units })
            w.WriteStrings(table);
        var issuerOrd = Ordinals(issuers);
        var regionOrd = Ordinals(regions);
        var typeOrd = Ordinals(types);
        var industryOrd = Ordinals(industries);
        var unitOrd = Ordinals(units);
        foreach (var d in documents)
        {
            w.WriteInt32(d.Year ?? -1);
            w.WriteInt32(d.Date?.DayNumber ?? -1);
            w.WriteInt32(d.Region is null ? -1 : regionOrd[d.Region]);
            w.WriteInt32(d.Type is null ? -1 : typeOrd[d.Type]);
            WriteOrds(w, d.Issuers.Select(i => issuerOrd[i]));
            WriteOrds(w, d.Industries.Select(i => industryOrd[i]));
            w.WriteVarInt(d.Sections.Count);
            foreach (var s in d.Sections)
            {
                WriteOrds(w, s.Industries.Select(i => industryOrd[i]));
                WriteOrds(w, s.Units.Select(u => unitOrd[u.Name]));
            }
        }
    }

    private static void WriteOrds(ByteWriter w, IEnumerable<int> ords)
    {
        var list = ords.Distinct().Order().ToList();
        w.WriteVarInt(list.Count);
        foreach (int o in list)
            w.WriteVarInt(o);
    }

    private static List<string> Table(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> Ordinals(List<string> table) =>
        table.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
}
