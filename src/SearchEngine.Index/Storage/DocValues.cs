namespace SearchEngine.Index.Storage;

/// <summary>The decoded facet columns of a segment (see <see cref="DocValuesCodec"/>).</summary>
internal sealed class DocValues
{
    public required string[] Issuers { get; init; }
    public required string[] Regions { get; init; }
    public required string[] Types { get; init; }
    public required string[] Industries { get; init; }
    public required int[] Year { get; init; }

    /// <summary>The document's date as <see cref="DateOnly.DayNumber"/>, -1 when it has none: orders a series newest first.</summary>
    public required int[] Date { get; init; }
    public required int[] Region { get; init; }
    public required int[] Type { get; init; }
    public required int[][] DocumentIssuers { get; init; }
    public required int[][] DocumentIndustries { get; init; }
    public required int[][] SectionIndustries { get; init; }

    public static DocValues Read(ref ByteReader r, int documents, int sections)
    {
        var issuers = r.ReadStrings();
        var regions = r.ReadStrings();
        var types = r.ReadStrings();
        var industries = r.ReadStrings();
        var year = new int[documents];
        var date = new int[documents];
        var region = new int[documents];
        var type = new int[documents];
        var docIssuers = new int[documents][];
        var docIndustries = new int[documents][];
        var sectionIndustries = new int[sections][];
        int s = 0;
        for (int d = 0; d < documents; d++)
        {
            year[d] = r.ReadInt32();
            date[d] = r.ReadInt32();
            region[d] = r.ReadInt32();
            type[d] = r.ReadInt32();
            docIssuers[d] = ReadOrds(ref r);
            docIndustries[d] = ReadOrds(ref r);
            int count = r.ReadVarInt();
            for (int i = 0; i < count; i++)
                sectionIndustries[s++] = ReadOrds(ref r);
        }
        return new DocValues
        {
            Issuers = issuers, Regions = regions, Types = types, Industries = industries, Year = year, Date = date, Region = region,
            Type = type, DocumentIssuers = docIssuers, DocumentIndustries = docIndustries, SectionIndustries = sectionIndustries,
        };
    }

    private static int[] ReadOrds(ref ByteReader r)
    {
        int count = r.ReadVarInt();
        if (count == 0)
            return [];
        var ords = new int[count];
        for (int i = 0; i < count; i++)
            ords[i] = r.ReadVarInt();
        return ords;
    }
}
