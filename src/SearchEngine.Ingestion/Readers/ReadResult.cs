namespace SearchEngine.Ingestion.Readers;

/// <summary>What a reader got from a file: its raw text and declared metadata, or why it could not read it.</summary>
public sealed record ReadResult
{
    private ReadResult(string? text, IReadOnlyDictionary<string, string> properties, string? error)
    {
        Text = text;
        Properties = properties;
        Error = error;
    }

    /// <summary>The raw text, null when reading failed.</summary>
    public string? Text { get; }

    /// <summary>Metadata declared by the file (keys from <see cref="Core.Metadata.SourceProperties"/>).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Why the file could not be read, in words a person can act on; null on success.</summary>
    public string? Error { get; }

    public bool Succeeded => Error is null;

    public static ReadResult Ok(string text, IReadOnlyDictionary<string, string>? properties = null) =>
        new(text, properties ?? new Dictionary<string, string>(), null);

    public static ReadResult Fail(string error) => new(null, new Dictionary<string, string>(), error);
}
