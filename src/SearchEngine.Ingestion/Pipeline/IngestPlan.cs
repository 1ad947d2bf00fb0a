using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Pipeline;

/// <summary>
/// The files a set of paths names, in the order they are ingested (each folder's files in ordinal order), with the
/// source and document id each is given. Known before any file is read, so a caller can show "n of m".
/// </summary>
/// <param name="Files">The files, in ingestion order.</param>
public sealed record IngestPlan(IReadOnlyList<PlannedFile> Files);

/// <summary>One file to ingest.</summary>
/// <param name="Path">The full path.</param>
/// <param name="Source">How documents name it: relative to the ingested root, with forward slashes.</param>
/// <param name="Id">The document id, unique within the plan (<see cref="DocumentIds"/>).</param>
public sealed record PlannedFile(string Path, string Source, string Id);

/// <summary>What reading one planned file gave: its document, or the reason it has none.</summary>
/// <param name="File">The file.</param>
/// <param name="Document">The document as read, before the corpus-wide steps (issuer inference, duplicate folding).</param>
/// <param name="Error">Why there is no document, for a person to act on.</param>
/// <param name="Bytes">The file's size.</param>
public sealed record IngestedFile(PlannedFile File, PolicyDocument? Document, string? Error, long Bytes);
