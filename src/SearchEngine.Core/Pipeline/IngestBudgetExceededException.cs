namespace SearchEngine.Core.Pipeline;

/// <summary>
/// A file went over its <see cref="IngestBudget"/> while it was being built. The builder throws it because the
/// limit is met deep in the pipeline; the ingester turns it into the file's failure reason (a value), so callers
/// see an expected problem, not an exception.
/// </summary>
public sealed class IngestBudgetExceededException(string message) : Exception(message);
