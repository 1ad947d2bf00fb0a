namespace SearchEngine.Index.Storage;

/// <summary>
/// The commit an index opens at, every valid commit point found beside it (newest first), and, when CURRENT could
/// not be used, a sentence saying what was wrong and which commit was opened instead.
/// </summary>
internal sealed record OpenedCommit(CommitPoint Commit, IReadOnlyList<CommitPoint> Valid, string? RecoveredFrom)
{
    /// <summary>
    /// The segment files whose checksum this open verified: opening their readers right after need not stream them
    /// through the CRC a second time (a 200k-document index is gigabytes).
    /// </summary>
    public IReadOnlySet<string> Verified { get; init; } = new HashSet<string>();
}
