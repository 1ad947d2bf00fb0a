namespace SearchEngine.Index.Storage;

/// <summary>The string tables of a segment's facet columns, each sorted ordinally (<see cref="DocValuesCodec"/>).</summary>
internal sealed record DocValueTables(
    IReadOnlyList<string> Issuers, IReadOnlyList<string> Regions, IReadOnlyList<string> Types, IReadOnlyList<string> Industries, IReadOnlyList<string> Units);
