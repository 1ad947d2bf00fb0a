using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// A bound of a section's score from the fields its terms occur in there (the posting's field mask, read without
/// decoding frequencies or touching the section's lengths): each field adds at most what the block's largest
/// frequency and smallest length in that field give. A block bound adds every field, so a block holding one section
/// with the term in its title lets every section pass; most of them hold it only in the body, and this bound, a sum
/// over the fields they do hold it in, sets them aside for the price of a mask. Computed once per block.
/// </summary>
internal sealed class FieldMaskBound(Bm25F bm25)
{
    private readonly double[] _fieldBound = new double[IndexFields.ScoringFieldCount];
    private int _block = -1;

    /// <summary>Whether the field bounds are for <paramref name="block"/>; if not, set them first.</summary>
    public bool IsFor(int block) => block == _block;

    /// <summary>Sets the bounds from a block's per-field largest frequencies and smallest length codes.</summary>
    public void Set(int block, ReadOnlySpan<int> maxTf, ReadOnlySpan<byte> minNorms)
    {
        _block = block;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
            _fieldBound[f] = bm25.FieldBound(f, maxTf[f], minNorms[f % IndexFields.TextFieldCount]);
    }

    /// <summary>The most the pseudo-frequency can be in a section of the block whose terms occur only in the fields of <paramref name="mask"/>.</summary>
    public double PseudoFrequency(int mask)
    {
        double sum = 0;
        for (; mask != 0; mask &= mask - 1)
            sum += _fieldBound[System.Numerics.BitOperations.TrailingZeroCount(mask)];
        return sum;
    }

    /// <summary>Sets the bounds from the block data of one cursor.</summary>
    public void Set(PostingsCursor cursor, int block)
    {
        Span<int> maxTf = stackalloc int[IndexFields.ScoringFieldCount];
        Span<byte> minNorms = stackalloc byte[IndexFields.TextFieldCount];
        BlockBounds.MaxTf(cursor, block, maxTf);
        BlockBounds.MinNorms(cursor, block, minNorms);
        Set(block, maxTf, minNorms);
    }
}
