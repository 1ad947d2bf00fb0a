namespace SearchEngine.Search;

/// <summary>The index on disk was written by another format version; it must be rebuilt, not read.</summary>
public sealed class IndexFormatException : Exception
{
    public IndexFormatException()
    {
    }

    public IndexFormatException(string message) : base(message + " Rebuild it with 'searchengine index seeds/'.")
    {
    }

    public IndexFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
