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

    /// <summary>
    /// Reads a file, giving up when <paramref name="cancel"/> fires (then it throws
    /// <see cref="OperationCanceledException"/>). Readers that run a converter process kill it; the others read
    /// in-process within their own limits and are only checked before they start.
    /// </summary>
    ReadResult Read(string path, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        return Read(path);
    }
}
