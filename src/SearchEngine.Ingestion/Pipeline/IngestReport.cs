using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Pipeline;

/// <summary>The outcome of ingesting a set of files: the documents, what was skipped and why, duplicates.</summary>
/// <param name="Documents">Canonical documents; a duplicate's file is listed in its <see cref="PolicyDocument.AlternateSources"/>.</param>
/// <param name="Failures">Files that could not be ingested, each with a reason a person can act on.</param>
/// <param name="Warnings">Files that were ingested but look odd (no policy structure found, …).</param>
/// <param name="Duplicates">Groups of files recognised as one document, canonical first.</param>
/// <param name="Bytes">Total size of the files read.</param>
/// <param name="Elapsed">Wall-clock time of the ingestion.</param>
public sealed record IngestReport(
    IReadOnlyList<PolicyDocument> Documents,
    IReadOnlyList<IngestProblem> Failures,
    IReadOnlyList<IngestProblem> Warnings,
    IReadOnlyList<IReadOnlyList<string>> Duplicates,
    long Bytes,
    TimeSpan Elapsed);

/// <summary>A problem with one file.</summary>
/// <param name="Source">The file, relative to the ingested root.</param>
/// <param name="Reason">What is wrong and, where it helps, what to do.</param>
public sealed record IngestProblem(string Source, string Reason);
