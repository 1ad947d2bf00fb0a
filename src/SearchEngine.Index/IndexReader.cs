using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index;

/// <summary>Opens an index folder read-only at its last commit, for a process that only searches.</summary>
public static class IndexReader
{
    public static IndexSnapshot OpenSnapshot(string path)
    {
        var directory = new IndexDirectory(path);
        if (!directory.HasCommit)
            throw new DirectoryNotFoundException($"No index at '{directory.Path}'. Build one with 'searchengine index seeds/ --index {path}'.");
        return SnapshotLoader.Load(directory, directory.ReadCurrent(), new Dictionary<string, SegmentReader>());
    }

    /// <summary>True when the folder holds a committed index.</summary>
    public static bool Exists(string path) => new IndexDirectory(path).HasCommit;
}
