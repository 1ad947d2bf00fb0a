namespace SearchEngine.Core.Pipeline;

/// <summary>
/// What one file may cost to ingest: characters of extracted text, sections, and wall-clock time. A file over any
/// limit is refused whole with its reason, never indexed in part. A null limit is no limit; <see cref="None"/> is
/// what the CLI and a server's build from its configured sources use (the user's own files); uploads get a budget.
/// </summary>
/// <param name="MaxCharacters">Most characters of text the file may yield (after reading, before cleaning).</param>
/// <param name="MaxSections">Most sections its outline may split into.</param>
/// <param name="MaxTime">Longest reading and building may take; past it the work is cancelled.</param>
public sealed record IngestBudget(int? MaxCharacters = null, int? MaxSections = null, TimeSpan? MaxTime = null)
{
    /// <summary>No limit beyond the readers' own (<c>ReadLimits</c>, the converters' time limits).</summary>
    public static IngestBudget None { get; } = new();
}
