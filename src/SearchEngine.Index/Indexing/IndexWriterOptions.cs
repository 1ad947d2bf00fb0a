namespace SearchEngine.Index.Indexing;

/// <summary>Tuning of an <see cref="IndexWriter"/>.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>Text (UTF-8 estimate) buffered before it is written out as a segment, bounding the writer's memory.</summary>
    public long FlushTextBytes { get; init; } = 256L << 20;

    /// <summary>Merge when a commit leaves more segments than this.</summary>
    public int MaxSegments { get; init; } = 8;

    /// <summary>Parallel segment builders when more than one segment's worth of documents is added.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
