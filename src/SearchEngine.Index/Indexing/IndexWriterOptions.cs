namespace SearchEngine.Index.Indexing;

/// <summary>Tuning of an <see cref="IndexWriter"/>, its merges chosen by <see cref="TieredMergePolicy"/>.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>
    /// The writer's budget of buffered text (UTF-8 estimate): each flush takes a thread's share of it (this divided
    /// by <see cref="Threads"/>) and writes it as a segment in the background, at most <see cref="Threads"/> at once,
    /// so the writer holds about twice this in documents and their postings, whatever one commit adds.
    /// </summary>
    public long FlushTextBytes { get; init; } = 64L << 20;

    /// <summary>
    /// A hard cap on the segment count: when a commit leaves more, the smallest are merged into one to come back
    /// to it, whatever the tiers say. Null (the default) leaves the count to the tiers.
    /// </summary>
    public int? MaxSegments { get; init; }

    /// <summary>At most this many segments are merged at once (Lucene's maxMergeAtOnce).</summary>
    public int MergeFactor { get; init; } = 10;

    /// <summary>Segments allowed per tier of like size before the tier is merged.</summary>
    public int SegmentsPerTier { get; init; } = 10;

    /// <summary>
    /// The most live bytes one merge may write: larger segments come only from flushes or from several merges, and
    /// a segment over half of this is merged again only to reclaim deletions. 5 GB, Lucene's default: segments are
    /// memory-mapped (<see cref="Storage.SegmentData"/>) with 64-bit part offsets and stored-document starts, and a
    /// merge streams its output (<see cref="Storage.SegmentFileWriter"/>), so a segment past 2 GB is written and opened
    /// like any other; only one term's postings or one stored document must stay below 2 GB.
    /// </summary>
    public long MaxMergedSegmentBytes { get; init; } = 5L << 30;

    /// <summary>Segments smaller than this count as this large when tiers are sized, so tiny flushes merge early.</summary>
    public long FloorSegmentBytes { get; init; } = 2L << 20;

    /// <summary>The share of deleted documents (percent) the index tolerates before merges set out to reclaim them.</summary>
    public double DeletesPctAllowed { get; init; } = 20;

    /// <summary>Flushes analysing at once (and parallel segment builders for what a commit finds buffered).</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
