namespace SearchEngine.Index.Storage;

/// <summary>The decoded facet columns of a segment (see <see cref="DocValuesCodec"/>).</summary>
internal sealed class DocValues
{
    /// <summary>A document with neither date nor year, in <see cref="SortDay"/>.</summary>
    public const int NoDate = -1;

    public required string[] Issuers { get; init; }
    public required string[] Regions { get; init; }
    public required string[] Types { get; init; }
    public required string[] Industries { get; init; }
    public required int[] Year { get; init; }

    /// <summary>The document's date as <see cref="DateOnly.DayNumber"/>, -1 when it has none.</summary>
    public required int[] Date { get; init; }

    /// <summary>
    /// The day a date order sorts a document by: its date, else 1 January of its year; <see cref="NoDate"/> when
    /// it has neither.
    /// </summary>
    public required int[] SortDay { get; init; }
    public required int[] Region { get; init; }
    public required int[] Type { get; init; }
    public required OrdinalLists DocumentIssuers { get; init; }
    public required OrdinalLists DocumentIndustries { get; init; }
    public required OrdinalLists SectionIndustries { get; init; }

    /// <summary>The responsible units (责任单位) named in each section, as ordinals of <see cref="Units"/>.</summary>
    public required string[] Units { get; init; }
    public required OrdinalLists SectionUnits { get; init; }

    private FacetTable? _table;

    /// <summary>The same columns laid out for counting facets over every match, built when first asked for.</summary>
    public FacetTable Table => LazyInitializer.EnsureInitialized(ref _table, () => FacetTable.Build(this));

    public static DocValues Read(ref ByteReader r, int documents, int sections)
    {
        var issuers = r.ReadStrings();
        var regions = r.ReadStrings();
        var types = r.ReadStrings();
        var industries = r.ReadStrings();
        var units = r.ReadStrings();
        var year = new int[documents];
        var date = new int[documents];
        var sortDay = new int[documents];
        var region = new int[documents];
        var type = new int[documents];
        var docIssuers = new OrdinalLists.Builder(documents);
        var docIndustries = new OrdinalLists.Builder(documents);
        var sectionIndustries = new OrdinalLists.Builder(sections);
        var sectionUnits = new OrdinalLists.Builder(sections);
        for (int d = 0; d < documents; d++)
        {
            year[d] = r.ReadInt32();
            date[d] = r.ReadInt32();
            sortDay[d] = date[d] >= 0 ? date[d] : year[d] is >= 1 and <= 9999 ? new DateOnly(year[d], 1, 1).DayNumber : NoDate;
            region[d] = r.ReadInt32();
            type[d] = r.ReadInt32();
            docIssuers.Read(ref r);
            docIndustries.Read(ref r);
            int count = r.ReadVarInt();
            for (int i = 0; i < count; i++)
            {
                sectionIndustries.Read(ref r);
                sectionUnits.Read(ref r);
            }
        }
        return new DocValues
        {
            Issuers = issuers, Regions = regions, Types = types, Industries = industries, Year = year, Date = date, SortDay = sortDay, Region = region,
            Type = type, DocumentIssuers = docIssuers.Build(), DocumentIndustries = docIndustries.Build(), SectionIndustries = sectionIndustries.Build(),
            Units = units, SectionUnits = sectionUnits.Build(),
        };
    }
}
