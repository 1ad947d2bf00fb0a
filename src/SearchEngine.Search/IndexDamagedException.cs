namespace SearchEngine.Search;

/// <summary>
/// The index folder holds segments but no commit point that can be read, so which documents it holds is unknown.
/// Nothing is deleted and nothing is opened for writing: a person restores the commit files or rebuilds elsewhere.
/// </summary>
public sealed class IndexDamagedException : IOException
{
    public IndexDamagedException()
    {
    }

    public IndexDamagedException(string message) : base(message)
    {
    }

    public IndexDamagedException(string message, Exception inner) : base(message, inner)
    {
    }
}
