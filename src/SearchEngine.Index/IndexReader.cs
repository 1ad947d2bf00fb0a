using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index;

/// <summary>Opens an index folder read-only at its last commit, for a process that only searches.</summary>
public static class IndexReader
{
    /// <summary>
    /// The last commit, or the newest valid commit point when CURRENT is missing or damaged (CURRENT is not
    /// rewritten: only a writer changes the folder).
    /// </summary>
    public static IndexSnapshot OpenSnapshot(string path) => OpenSnapshot(path, out _);

    /// <summary>As <see cref="OpenSnapshot(string)"/>; <paramref name="recoveredFrom"/> says what was wrong when CURRENT could not be used.</summary>
    public static IndexSnapshot OpenSnapshot(string path, out string? recoveredFrom)
    {
        var directory = new IndexDirectory(path);
        if (!directory.HasCommit)
            throw new DirectoryNotFoundException($"No index at '{directory.Path}'. Build one with 'searchengine index seeds/ --index {path}'.");
        var opened = directory.Open(forWriting: false);
        recoveredFrom = opened.RecoveredFrom;
        return SnapshotLoader.Load(directory, opened.Commit, new Dictionary<string, SegmentReader>(), verified: opened.Verified);
    }

    /// <summary>True when the folder holds a committed index.</summary>
    public static bool Exists(string path) => new IndexDirectory(path).HasCommit;
}
