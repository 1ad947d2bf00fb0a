namespace SearchEngine.Web;

/// <summary>
/// The first build's progress, as <c>/health</c> reports it: present from the start of a build (the server started
/// on a folder without an index, or resumed one a stop interrupted) until the process ends; absent when the server
/// opened an index that was complete.
/// </summary>
/// <param name="State"><c>running</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="FilesTotal">Files in the sources; absent while they are being listed.</param>
/// <param name="FilesRead">Files read so far (each failure included).</param>
/// <param name="DocumentsIndexed">Documents the build has committed: searchable now.</param>
/// <param name="Failures">Files that could not be read (each is in the log with its reason).</param>
/// <param name="StartedAt">When the build started (UTC).</param>
/// <param name="ElapsedSeconds">Seconds the build has run, or ran.</param>
/// <param name="RemainingSeconds">An estimate of the seconds left from the pace so far; absent before the first file and once the build ended.</param>
/// <param name="Error">Why the build failed; absent unless it did.</param>
internal sealed record BuildProgress(
    string State, int? FilesTotal, int FilesRead, int DocumentsIndexed, int Failures,
    DateTimeOffset StartedAt, double ElapsedSeconds, double? RemainingSeconds, string? Error);
