namespace SearchEngine.Search;

/// <summary>
/// The folder holds an index of another engine than the one configured. Not moved aside or rebuilt: the user
/// chose the wrong folder or the wrong engine, and says which.
/// </summary>
public sealed class IndexEngineException : Exception
{
    public IndexEngineException()
    {
    }

    public IndexEngineException(string message) : base(message)
    {
    }

    public IndexEngineException(string message, Exception inner) : base(message, inner)
    {
    }

    public IndexEngineException(string folder, string found, string wanted)
        : base($"Index '{folder}' was written by the {found} engine, and the {wanted} engine was asked to open it. " +
            $"Use --engine {found} (SearchEngine:Engine={found} for the server), or another index folder for the {wanted} engine.")
    {
        Folder = folder;
        Found = found;
    }

    public string? Folder { get; }

    public string? Found { get; }
}
