namespace SearchEngine.Index.Indexing;

/// <summary>Tuning of an <see cref="IndexWriter"/>, its merges chosen by <see cref="TieredMergePolicy"/>.</summary>
public sealed record IndexWriterOptions
{
    /// <summary>Text (UTF-8 estimate) buffered before it is written out as a segment, bounding the writer's memory.</summary>
    public long FlushTextBytes { get; init; } = 256L << 20;

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
    /// a segment over half of this is merged again only to reclaim deletions. 1 GB rather than Lucene's 5 GB while a
    /// segment is read into one array and its stored entries are addressed by 32-bit offsets (both end near 2 GB):
    /// a merge writing more could never be opened, and would be chosen and fail again at every commit.
    /// </summary>
    public long MaxMergedSegmentBytes { get; init; } = 1L << 30;

    /// <summary>Segments smaller than this count as this large when tiers are sized, so tiny flushes merge early.</summary>
    public long FloorSegmentBytes { get; init; } = 2L << 20;

    /// <summary>The share of deleted documents (percent) the index tolerates before merges set out to reclaim them.</summary>
    public double DeletesPctAllowed { get; init; } = 20;

    /// <summary>Parallel segment builders when more than one segment's worth of documents is added.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
