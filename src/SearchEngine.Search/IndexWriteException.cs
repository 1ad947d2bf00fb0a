namespace SearchEngine.Search;

/// <summary>The index could not be written (disk full, read-only folder); the last commit is untouched.</summary>
public sealed class IndexWriteException : IOException
{
    public IndexWriteException()
    {
    }

    public IndexWriteException(string message) : base(message)
    {
    }

    public IndexWriteException(string message, Exception inner) : base(message, inner)
    {
    }
}
