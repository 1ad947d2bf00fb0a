namespace SearchEngine.Lucene.Searching;

/// <summary>
/// A live section's document and metadata as its doc values hold them: what filters, facets, grouping and date
/// orders read for every match.
/// </summary>
internal sealed record SectionInfo(
    string DocumentId, int Position, string[] Issuers, string[] Industries, string[] Units, string? Region, string? Type, int Year, long SortDay);
