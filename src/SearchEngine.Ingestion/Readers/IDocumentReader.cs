using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>Reads one file format into raw text plus the metadata the file declares about itself.</summary>
public interface IDocumentReader
{
    /// <summary>The format this reader produces documents of.</summary>
    SourceFormat Format { get; }

    /// <summary>File extensions it reads, lower case with the dot: ".txt".</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Reads a file. Expected problems (empty, binary, corrupt, no text) are a failed result, not an exception.</summary>
    ReadResult Read(string path);
}
