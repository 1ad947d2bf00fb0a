using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>The per-field maxima and minima a postings block records, as arrays for <see cref="Bm25F"/>.</summary>
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

    public static int[] MinLengths(PostingsCursor cursor, int block)
    {
        var lengths = new int[IndexFields.TextFieldCount];
        MinLengths(cursor, block, lengths);
        return lengths;
    }

    public static void MinLengths(PostingsCursor cursor, int block, Span<int> lengths)
    {
        for (int f = 0; f < lengths.Length; f++)
            lengths[f] = cursor.BlockMinLength(block, f);
    }
}
