using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// A bound of a section's score from the fields its terms occur in there (the posting's field mask, read without
/// decoding frequencies) and the section's own lengths (a byte per field, <see cref="Storage.SegmentReader.Norms"/>):
/// each field adds at most what the block's largest frequency in that field gives at the section's length. A block
/// bound adds every field at the block's shortest lengths, so a block holding one short section with the term in its
/// title lets every section pass; most of them hold it only in the body, and are longer, and this bound sets them
/// aside for the price of a mask and four bytes, without decoding the block's frequencies for an exact score.
/// </summary>
internal sealed class FieldMaskBound(Bm25F bm25)
{
    private readonly int[] _maxTf = new int[IndexFields.ScoringFieldCount];
    private int _block = -1;

    /// <summary>Whether the field bounds are for <paramref name="block"/>; if not, set them first.</summary>
    public bool IsFor(int block) => block == _block;

    /// <summary>Sets the bounds from a block's per-field largest frequencies.</summary>
    public void Set(int block, ReadOnlySpan<int> maxTf)
    {
        _block = block;
        maxTf.CopyTo(_maxTf);
    }

    /// <summary>
    /// The most the pseudo-frequency can be in a section of the block whose terms occur only in the fields of
    /// <paramref name="mask"/>, given the section's length codes: its frequencies are at most the block's largest.
    /// </summary>
    public double PseudoFrequency(int mask, ReadOnlySpan<byte> norms)
    {
        double sum = 0;
        for (; mask != 0; mask &= mask - 1)
        {
            int f = System.Numerics.BitOperations.TrailingZeroCount(mask);
            sum += bm25.FieldBound(f, _maxTf[f], norms[f % IndexFields.TextFieldCount]);
        }
        return sum;
    }

    /// <summary>Sets the bounds from the block data of one cursor.</summary>
    public void Set(PostingsCursor cursor, int block)
    {
        Span<int> maxTf = stackalloc int[IndexFields.ScoringFieldCount];
        BlockBounds.MaxTf(cursor, block, maxTf);
        Set(block, maxTf);
    }
}
