namespace SearchEngine.Search;

/// <summary>
/// The index folder's write lock is held by another process (or another writer in this one): only one writer
/// may open a folder at a time. Expected when a second server or `searchengine index` is pointed at a folder in
/// use, so front ends catch it and say how to choose another folder.
/// </summary>
public sealed class IndexLockedException : IOException
{
    public IndexLockedException()
    {
        Folder = "";
    }

    public IndexLockedException(string message) : base(message)
    {
        Folder = "";
    }

    public IndexLockedException(string message, Exception inner) : base(message, inner)
    {
        Folder = "";
    }

    internal static IndexLockedException For(string folder, Exception inner) =>
        new(Advice(folder, "another index folder"), inner) { Folder = folder };

    /// <summary>The locked index folder.</summary>
    public string Folder { get; private init; }

    /// <summary>One sentence for the user: what is wrong, where, and how to choose another folder (e.g. "--index").</summary>
    public string Advice(string howToChoose) => Advice(Folder, howToChoose);

    // The holder's pid is not named: the lock is an flock on write.lock, which also stops this process reading
    // the file, and every other file in the folder belongs to the index.
    private static string Advice(string folder, string howToChoose) =>
        $"The index at {folder} is being written by another process; stop it or choose another folder with {howToChoose}.";
}
