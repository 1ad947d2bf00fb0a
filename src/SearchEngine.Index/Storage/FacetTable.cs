namespace SearchEngine.Index.Storage;

/// <summary>
/// A segment's facet columns laid out for counting every match: per document its year, region, type and issuer
/// side by side in one row (four columns and an array per document cost a cache miss each for every matching
/// document, most of a common term's facet counting), and per section its industries and units in one flat run.
/// Built from <see cref="DocValues"/> when a segment is first counted.
/// </summary>
internal sealed class FacetTable
{
    /// <summary>Ints per document row: year, region, type, issuer.</summary>
    public const int RowSize = 4;

    /// <summary>
    /// Per document: year (-1 none), region and type ordinals (-1 none), and its issuer's ordinal, or -1 for none, or
    /// for several (联合发文) −2 − the offset of their count and ordinals in <see cref="MoreIssuers"/>.
    /// </summary>
    public int[] Documents { get; }

    /// <summary>For documents with several issuers: the count, then the ordinals.</summary>
    public int[] MoreIssuers { get; }

    /// <summary>
    /// Per section two starts into <see cref="SectionValues"/>, its industries' and its units', and one more at the
    /// end: section s has industries [2s, 2s+1) and units [2s+1, 2s+2) of these bounds.
    /// </summary>
    public int[] SectionStarts { get; }

    /// <summary>Industry and unit ordinals of every section, one section after another.</summary>
    public int[] SectionValues { get; }

    /// <summary>
    /// Bit s set when section s carries an industry or a unit of its own. Every full match asks, and most sections
    /// carry none: a bit per section stays in the cache where two starts per section (ten megabytes at a million
    /// sections) cost a cache miss per match, a tenth of the whole query set's time.
    /// </summary>
    public ulong[] SectionsWithValues { get; }

    /// <summary>Whether section <paramref name="section"/> carries an industry or a unit of its own.</summary>
    public bool HasSectionValues(int section) => (SectionsWithValues[section >> 6] & (1UL << section)) != 0;

    private FacetTable(int[] documents, int[] moreIssuers, int[] sectionStarts, int[] sectionValues)
    {
        Documents = documents;
        MoreIssuers = moreIssuers;
        SectionStarts = sectionStarts;
        SectionValues = sectionValues;
        int sections = (sectionStarts.Length - 1) / 2;
        SectionsWithValues = new ulong[(sections + 63) >> 6];
        for (int s = 0; s < sections; s++)
        {
            if (sectionStarts[2 * s] != sectionStarts[(2 * s) + 2])
                SectionsWithValues[s >> 6] |= 1UL << s;
        }
    }

    public static FacetTable Build(DocValues values)
    {
        int documents = values.Year.Length;
        var rows = new int[documents * RowSize];
        var more = new List<int>();
        for (int d = 0; d < documents; d++)
        {
            int at = d * RowSize;
            rows[at] = values.Year[d];
            rows[at + 1] = values.Region[d];
            rows[at + 2] = values.Type[d];
            var issuers = values.DocumentIssuers[d];
            if (issuers.Length <= 1)
                rows[at + 3] = issuers.Length == 0 ? -1 : issuers[0];
            else
            {
                rows[at + 3] = -2 - more.Count;
                more.Add(issuers.Length);
                more.AddRange(issuers);
            }
        }
        int sections = values.SectionIndustries.Count;
        var starts = new int[(2 * sections) + 1];
        var flat = new List<int>();
        for (int s = 0; s < sections; s++)
        {
            starts[2 * s] = flat.Count;
            flat.AddRange(values.SectionIndustries[s]);
            starts[(2 * s) + 1] = flat.Count;
            flat.AddRange(values.SectionUnits[s]);
        }
        starts[2 * sections] = flat.Count;
        return new FacetTable(rows, [.. more], starts, [.. flat]);
    }
}
