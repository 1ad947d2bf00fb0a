using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// Columnar facet, filter and sort values: string tables for issuers, regions, types, industries and units, then per
/// document its year, its date (day number) and the ordinals of its values, and per section its industries and its
/// responsible units.
/// Counting a facet or ordering by date is then an array walk, with no stored document read.
/// The encoder of the columns is one for both writers of segments: the builder derives the tables and ordinals from
/// documents (<see cref="Write"/>), a merge remaps the ordinals of its source segments' columns into merged tables,
/// and both write them with <see cref="WriteTables"/>, <see cref="WriteDocument"/> and <see cref="WriteSection"/>.
/// </summary>
internal static class DocValuesCodec
{
    public static void Write(ByteWriter w, IReadOnlyList<DocumentRecord> documents)
    {
        var tables = new DocValueTables(
            Table(documents.SelectMany(d => d.Issuers)),
            Table(documents.Select(d => d.Region).OfType<string>()),
            Table(documents.Select(d => d.Type).OfType<string>()),
            Table(documents.SelectMany(d => d.Industries.Concat(d.Sections.SelectMany(s => s.Industries)))),
            Table(documents.SelectMany(d => d.Sections.SelectMany(s => s.Units.Select(u => u.Name)))));
        WriteTables(w, tables);
        var issuerOrd = Ordinals(tables.Issuers);
        var regionOrd = Ordinals(tables.Regions);
        var typeOrd = Ordinals(tables.Types);
        var industryOrd = Ordinals(tables.Industries);
        var unitOrd = Ordinals(tables.Units);
        foreach (var d in documents)
        {
            WriteDocument(w, d.Year ?? -1, d.Date?.DayNumber ?? -1, d.Region is null ? -1 : regionOrd[d.Region], d.Type is null ? -1 : typeOrd[d.Type],
                d.Issuers.Select(i => issuerOrd[i]), d.Industries.Select(i => industryOrd[i]), d.Sections.Count);
            foreach (var s in d.Sections)
                WriteSection(w, s.Industries.Select(i => industryOrd[i]), s.Units.Select(u => unitOrd[u.Name]));
        }
    }

    /// <summary>The string tables, each sorted ordinally; values are written as ordinals into them.</summary>
    public static void WriteTables(ByteWriter w, DocValueTables tables)
    {
        foreach (var table in new[] { tables.Issuers, tables.Regions, tables.Types, tables.Industries, tables.Units })
            w.WriteStrings(table);
    }

    /// <summary>One document's values (-1: none), followed by <paramref name="sectionCount"/> calls of <see cref="WriteSection"/>.</summary>
    public static void WriteDocument(ByteWriter w, int year, int dayNumber, int region, int type, IEnumerable<int> issuers, IEnumerable<int> industries, int sectionCount)
    {
        w.WriteInt32(year);
        w.WriteInt32(dayNumber);
        w.WriteInt32(region);
        w.WriteInt32(type);
        WriteOrds(w, issuers);
        WriteOrds(w, industries);
        w.WriteVarInt(sectionCount);
    }

    public static void WriteSection(ByteWriter w, IEnumerable<int> industries, IEnumerable<int> units)
    {
        WriteOrds(w, industries);
        WriteOrds(w, units);
    }

    private static void WriteOrds(ByteWriter w, IEnumerable<int> ords)
    {
        var list = ords.Distinct().Order().ToList();
        w.WriteVarInt(list.Count);
        foreach (int o in list)
            w.WriteVarInt(o);
    }

    private static List<string> Table(IEnumerable<string> values) => [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static Dictionary<string, int> Ordinals(IReadOnlyList<string> table) =>
        table.Select((v, i) => (v, i)).ToDictionary(x => x.v, x => x.i, StringComparer.Ordinal);
}
