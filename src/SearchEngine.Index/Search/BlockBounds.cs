using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>The per-field maxima and minima a postings block records, as arrays for <see cref="Bm25F"/> (lengths as their codes).</summary>
internal static class BlockBounds
{
    public static int[] MaxTf(PostingsCursor cursor, int block)
    {
        var tf = new int[IndexFields.ScoringFieldCount];
        MaxTf(cursor, block, tf);
        return tf;
    }

    public static void MaxTf(PostingsCursor cursor, int block, Span<int> tf)
    {
        for (int f = 0; f < tf.Length; f++)
        {
            // 255 is stored for "255 or more": bound it by a frequency that saturates the score.
            int max = cursor.BlockMaxTf(block, f);
            tf[f] = max == byte.MaxValue ? 1_000_000 : max;
        }
    }

    public static byte[] MinNorms(PostingsCursor cursor, int block)
    {
        var norms = new byte[IndexFields.TextFieldCount];
        MinNorms(cursor, block, norms);
        return norms;
    }

    /// <summary>The codes of the block's least lengths: the least codes, as <see cref="LengthNorm.Encode"/> is monotone.</summary>
    public static void MinNorms(PostingsCursor cursor, int block, Span<byte> norms)
    {
        for (int f = 0; f < norms.Length; f++)
            norms[f] = LengthNorm.Encode(cursor.BlockMinLength(block, f));
    }
}
