namespace SearchEngine.Search;

/// <summary>
/// An index engine: opens an index folder for writing (one writer per folder, held by a lock) or for searching
/// only. Web and Cli use engines through this contract alone, so the configuration chooses one
/// (<c>SearchEngine:Engine = native | lucene</c>) without any other change.
/// </summary>
public interface ISearchEngine
{
    /// <summary>The name the configuration and the CLI use: <c>native</c> or <c>lucene</c>.</summary>
    string Name { get; }

    /// <summary>True when the folder holds a committed index of this engine.</summary>
    bool Exists(string folder);

    /// <summary>
    /// Opens (or creates) the index in <paramref name="folder"/> for writing; throws <see cref="IndexLockedException"/>
    /// when another writer holds it and <see cref="IndexFormatException"/> when it holds an index this engine or build
    /// cannot read (another engine's, or an older format).
    /// </summary>
    IIndexWriter OpenWriter(string folder);

    /// <summary>
    /// The last commit of the index in <paramref name="folder"/>, read-only, for a process that only searches;
    /// <paramref name="recoveredFrom"/> says what was wrong when the newest commit could not be used.
    /// </summary>
    IIndexSnapshot OpenReader(string folder, out string? recoveredFrom);
}
