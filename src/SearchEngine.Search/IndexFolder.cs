namespace SearchEngine.Search;

/// <summary>
/// Which engine wrote an index folder, read from its file names, so that opening one engine's index with the
/// other is refused with a sentence instead of being taken for an empty index and written over.
/// </summary>
public static class IndexFolder
{
    /// <summary>The engine whose files the folder holds (<c>native</c>: CURRENT, commit_*, seg_*; <c>lucene</c>: segments_*), or null.</summary>
    public static string? EngineOf(string folder)
    {
        if (!Directory.Exists(folder))
            return null;
        foreach (string path in Directory.EnumerateFiles(folder))
        {
            string name = Path.GetFileName(path);
            if (name == "CURRENT" || name.StartsWith("commit_", StringComparison.Ordinal) || name.StartsWith("seg_", StringComparison.Ordinal))
                return "native";
            if (name.StartsWith("segments_", StringComparison.Ordinal) || name == "segments.gen")
                return "lucene";
        }
        return null;
    }

    /// <summary>
    /// The index folder an engine uses when none is given, the same for the server and the CLI: <c>index</c>, and
    /// <c>index-lucene</c> for Lucene.Net, so switching engines never finds the other's index.
    /// </summary>
    public static string DefaultFor(string engine) => engine == "lucene" ? "index-lucene" : "index";

    /// <summary>Throws <see cref="IndexEngineException"/> when the folder holds another engine's index.</summary>
    public static void Require(string folder, string engine)
    {
        if (EngineOf(folder) is { } found && found != engine)
            throw new IndexEngineException(folder, found, engine);
    }
}
