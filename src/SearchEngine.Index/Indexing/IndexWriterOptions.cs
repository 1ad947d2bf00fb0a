namespace SearchEngine.Index.Indexing;

/// <summary>Tuning of an <see cref="IndexWriter"/>.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>
    /// Text (UTF-8 estimate) buffered before it is flushed as a segment in the background. The writer holds at most
    /// about <see cref="Threads"/> + 1 times this in documents and their postings, whatever one commit adds.
    /// </summary>
    public long FlushTextBytes { get; init; } = 64L << 20;

    /// <summary>Merge when a commit leaves more segments than this.</summary>
    public int MaxSegments { get; init; } = 8;

    /// <summary>Flushes analysing at once (and parallel segment builders for what a commit finds buffered).</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
