using SearchEngine.Index.Indexing;
using SearchEngine.Index.Storage;

namespace SearchEngine.Tests.Index;

/// <summary>Which segments <see cref="TieredMergePolicy"/> merges, on made-up segment sizes and deletions.</summary>
public sealed class TieredMergePolicyTests
{
    private const long MB = 1L << 20;

    private static (SegmentEntry Entry, long Bytes) Segment(int number, long bytes, int documents = 100, int deleted = 0) =>
        (new SegmentEntry($"seg_{number:D6}", documents, documents * 3, deleted > 0 ? $"seg_{number:D6}_g1.del" : null, deleted), bytes);

    private static List<string>? Merge(IndexWriterOptions options, params (SegmentEntry Entry, long Bytes)[] segments) =>
        new TieredMergePolicy(options).FindMerge(segments)?.Select(e => e.Name).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Should_merge_nothing_while_a_tier_has_room()
    {
        Assert.Null(Merge(new IndexWriterOptions()));
        Assert.Null(Merge(new IndexWriterOptions(), Segment(1, 40 * MB)));
        Assert.Null(Merge(new IndexWriterOptions(), [.. Enumerable.Range(0, 10).Select(i => Segment(i, (i + 1) * MB))]));
    }

    [Fact]
    public void Should_merge_a_merge_factor_of_the_smallest_when_a_tier_overflows()
    {
        // Given fifteen small segments (below the floor, so one tier),
        var segments = Enumerable.Range(0, 15).Select(i => Segment(i, (i + 1) * MB / 10)).ToArray();

        // then ten of them are merged, the smallest ten (each merge is the same skew; the smaller is cheaper).
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"seg_{i:D6}"), Merge(new IndexWriterOptions(), segments));
        Assert.Equal(4, Merge(new IndexWriterOptions { MergeFactor = 4 }, segments)!.Count);
    }

    [Fact]
    public void Should_merge_segments_of_like_size_and_leave_larger_tiers_alone()
    {
        // Given five segments of 100 MB and thirty of 1 MB: more than the tiers allow (10 + 10 + 2),
        var segments = Enumerable.Range(0, 5).Select(i => Segment(i, 100 * MB))
            .Concat(Enumerable.Range(5, 30).Select(i => Segment(i, MB))).ToArray();

        // then the merge takes ten small ones and no large one.
        var merge = Merge(new IndexWriterOptions(), segments)!;
        Assert.Equal(10, merge.Count);
        Assert.All(merge, name => Assert.True(int.Parse(name[4..], System.Globalization.CultureInfo.InvariantCulture) >= 5, $"{name} is a large segment"));
    }

    [Fact]
    public void Should_never_merge_more_than_the_largest_merged_size()
    {
        var options = new IndexWriterOptions { MaxMergedSegmentBytes = 50 * MB };

        // Given twelve segments of 20 MB (over one tier) and a 50 MB limit, then a merge writes at most 50 MB;
        var merge = Merge(options, [.. Enumerable.Range(0, 12).Select(i => Segment(i, 20 * MB))])!;
        Assert.Equal(2, merge.Count);

        // and segments over half the limit, without deletions to reclaim, are not merged at all.
        Assert.Null(Merge(options, [.. Enumerable.Range(0, 30).Select(i => Segment(i, 30 * MB))]));
    }

    [Fact]
    public void Should_favour_segments_with_many_deletions()
    {
        // Given fifteen like segments, two of them with 60% of their documents deleted,
        var segments = Enumerable.Range(0, 15).Select(i => i is 3 or 11 ? Segment(i, 10 * MB, deleted: 60) : Segment(i, 10 * MB)).ToArray();

        // then the merge chosen reclaims them.
        var merge = Merge(new IndexWriterOptions(), segments)!;
        Assert.Contains("seg_000003", merge);
        Assert.Contains("seg_000011", merge);
    }

    [Fact]
    public void Should_merge_to_reclaim_deletions_even_when_the_tiers_have_room()
    {
        // Given three segments with half their documents deleted (over the 20% the index tolerates),
        var segments = Enumerable.Range(0, 3).Select(i => Segment(i, 10 * MB, deleted: 50)).ToArray();

        // then they are merged, and under a higher tolerance they are not.
        Assert.Equal(3, Merge(new IndexWriterOptions(), segments)!.Count);
        Assert.Null(Merge(new IndexWriterOptions { DeletesPctAllowed = 60 }, segments));
    }

    [Fact]
    public void Should_merge_the_smallest_down_to_a_hard_cap()
    {
        var segments = new[] { Segment(0, 40 * MB), Segment(1, MB), Segment(2, 3 * MB), Segment(3, 2 * MB) };
        Assert.Equal(["seg_000001", "seg_000002", "seg_000003"], Merge(new IndexWriterOptions { MaxSegments = 2 }, segments));
        Assert.Null(Merge(new IndexWriterOptions { MaxSegments = 4 }, segments));
    }
}
