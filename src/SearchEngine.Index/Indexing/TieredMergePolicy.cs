using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Chooses the next merge, after Lucene's TieredMergePolicy. A segment's size is its live bytes (file bytes times the
/// share of its documents not deleted), small segments counted at the floor size. The index may hold
/// <see cref="IndexWriterOptions.SegmentsPerTier"/> segments per tier of sizes growing by
/// <see cref="IndexWriterOptions.MergeFactor"/>; over that budget (or over the deletions allowed), the best of the
/// candidate merges — up to <see cref="IndexWriterOptions.MergeFactor"/> segments adjacent in size order, never
/// writing more than <see cref="IndexWriterOptions.MaxMergedSegmentBytes"/> — is the one with the least skew (segments
/// of like size, so merge cost stays O(n log n)), gently the smallest, and strongly the one reclaiming most deletions.
/// <see cref="IndexWriterOptions.MaxSegments"/>, when set, is a hard cap met first by merging the smallest segments.
/// </summary>
internal sealed class TieredMergePolicy(IndexWriterOptions options)
{
    /// <summary>The segments of one merge, or null when the index is within its budget.</summary>
    public List<SegmentEntry>? FindMerge(IReadOnlyList<(SegmentEntry Entry, long Bytes)> segments)
    {
        if (options.MaxSegments is int cap && segments.Count > Math.Max(cap, 1))
        {
            // The cap merges the smallest (by live bytes) into one, enough of them to come back to it.
            return [.. segments.OrderBy(s => LiveBytes(s.Entry, s.Bytes)).ThenBy(s => s.Entry.Name, StringComparer.Ordinal)
                .Take(segments.Count - Math.Max(cap, 1) + 1).Select(s => s.Entry)];
        }
        long maxBytes = options.MaxMergedSegmentBytes;
        var sorted = segments.Select(s => new Sized(s.Entry, s.Bytes, LiveBytes(s.Entry, s.Bytes)))
            .OrderByDescending(s => s.Live).ThenBy(s => s.Entry.Name, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
            return null;
        long totalBytes = sorted.Sum(s => s.Live);
        long minBytes = sorted.Min(s => s.Live);
        long documents = sorted.Sum(s => (long)s.Entry.Documents);
        double totalDeletedPct = documents == 0 ? 0 : 100.0 * sorted.Sum(s => (long)s.Entry.DeletedCount) / documents;
        long allowedDeletes = (long)(options.DeletesPctAllowed * documents / 100);

        // Segments near the largest a merge may write stay out of the tiers unless deletions make them worth rewriting.
        var eligible = new List<Sized>();
        foreach (var s in sorted)
        {
            if (s.Live > maxBytes / 2 && (totalDeletedPct <= options.DeletesPctAllowed || DeletedPct(s.Entry) <= options.DeletesPctAllowed))
            {
                totalBytes -= s.Live;
                allowedDeletes -= s.Entry.DeletedCount;
                continue;
            }
            eligible.Add(s);
        }
        allowedDeletes = Math.Max(0, allowedDeletes);
        if (eligible.Count == 0)
            return null;

        int mergeFactor = Math.Max(2, Math.Min(options.MergeFactor, options.SegmentsPerTier));
        double allowed = AllowedSegmentCount(totalBytes, minBytes, mergeFactor);
        if (eligible.Count <= allowed && eligible.Sum(s => (long)s.Entry.DeletedCount) <= allowedDeletes)
            return null;

        List<Sized>? best = null;
        double bestScore = double.MaxValue;
        for (int start = 0; start < eligible.Count; start++)
        {
            var candidate = new List<Sized>();
            long after = 0;
            bool tooLarge = false;
            for (int i = start; i < eligible.Count && candidate.Count < mergeFactor; i++)
            {
                if (after + eligible[i].Live > maxBytes)
                {
                    // Keep packing smaller segments into this merge, to come near the largest size.
                    tooLarge = true;
                    continue;
                }
                candidate.Add(eligible[i]);
                after += eligible[i].Live;
            }
            if (candidate.Count == 0)
                continue;
            var largest = candidate[0];
            // A merge not half again as large as its largest input would rewrite that segment again and again for
            // little gain, unless it reclaims that segment's deletions.
            if (!tooLarge && after < largest.Live * 1.5 && DeletedPct(largest.Entry) < options.DeletesPctAllowed)
                continue;
            if (candidate.Count == 1 && largest.Entry.DeletedCount == 0)
                continue;
            // Past here the candidates only get smaller and shorter: stop once one is found.
            if (best is not null && !tooLarge && candidate.Count < mergeFactor)
                break;
            double score = Score(candidate, tooLarge, mergeFactor);
            if (score < bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }
        return best?.Select(s => s.Entry).ToList();
    }

    /// <summary>
    /// Lower is better: skew (the largest input's share, 1/n for n like segments) times size^0.05 times the share of
    /// bytes kept squared, so a merge that drops many deleted documents wins.
    /// </summary>
    private double Score(List<Sized> candidate, bool tooLarge, int mergeFactor)
    {
        double after = candidate.Sum(s => (double)s.Live);
        double before = candidate.Sum(s => (double)s.Bytes);
        double skew = tooLarge ? 1.0 / mergeFactor : Floor(candidate[0].Live) / candidate.Sum(s => (double)Floor(s.Live));
        double kept = before == 0 ? 1 : after / before;
        return skew * Math.Pow(Math.Max(after, 1), 0.05) * kept * kept;
    }

    /// <summary>How many segments the tiers allow for <paramref name="totalBytes"/>: per tier SegmentsPerTier, tiers growing by the merge factor.</summary>
    private double AllowedSegmentCount(long totalBytes, long minBytes, int mergeFactor)
    {
        long maxBytes = options.MaxMergedSegmentBytes;
        long levelSize = Math.Min(maxBytes, Floor(minBytes));
        double bytesLeft = totalBytes;
        double allowed = 0;
        while (true)
        {
            double atLevel = bytesLeft / Math.Max(1, levelSize);
            if (atLevel < options.SegmentsPerTier || levelSize >= maxBytes)
            {
                allowed += Math.Ceiling(atLevel);
                break;
            }
            allowed += options.SegmentsPerTier;
            bytesLeft -= options.SegmentsPerTier * (double)levelSize;
            levelSize = Math.Min(maxBytes, levelSize * mergeFactor);
        }
        // Segments below the floor count as floor-sized, which could allow fewer than a tier; a tier is always allowed.
        return Math.Max(allowed, options.SegmentsPerTier);
    }

    private long Floor(long bytes) => Math.Max(bytes, options.FloorSegmentBytes);

    private static double DeletedPct(SegmentEntry entry) => entry.Documents == 0 ? 0 : 100.0 * entry.DeletedCount / entry.Documents;

    private static long LiveBytes(SegmentEntry entry, long bytes) =>
        entry.Documents == 0 ? bytes : (long)(bytes * (1 - ((double)entry.DeletedCount / entry.Documents)));

    private readonly record struct Sized(SegmentEntry Entry, long Bytes, long Live);
}
