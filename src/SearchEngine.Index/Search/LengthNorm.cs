namespace SearchEngine.Index.Search;

/// <summary>
/// A field's length as scoring reads it: one byte per section and text field, as Lucene's norms are. Lengths up to 127
/// are kept exactly (titles, headings, units and most short sections); longer ones round down to four significant
/// bits (within 1/16), up to 31,744 tokens. Four bytes a section instead of sixteen: scoring a section looks its
/// lengths up at random, and the int table of a million sections (twenty megabytes) missed the cache on most lookups,
/// where the byte table mostly stays in it. The length normalisation of BM25 (b ≤ 0.75 of a length against the average)
/// moves by at most a few per cent where a long body's length is rounded. Indexing reads lengths through the same
/// codes when it stores a block's largest pseudo-frequency, so a stored maximum bounds the scores a search computes.
/// </summary>
internal static class LengthNorm
{
    /// <summary>Lengths below this are their own code.</summary>
    private const int Exact = 128;

    private static readonly int[] Lengths = BuildLengths();

    /// <summary>The code of <paramref name="length"/> (rounded down; monotone, so a least length's code is the least code).</summary>
    public static byte Encode(int length)
    {
        if (length < Exact)
            return (byte)Math.Max(length, 0);
        int shift = 31 - System.Numerics.BitOperations.LeadingZeroCount((uint)length) - 4; // ≥ 3 from 128 on
        int code = Exact + ((shift - 3) * 16) + ((length >> shift) - 16);
        return (byte)Math.Min(code, byte.MaxValue);
    }

    /// <summary>The length a code stands for (at most the length it was made from).</summary>
    public static int Decode(byte code) => Lengths[code];

    private static int[] BuildLengths()
    {
        var lengths = new int[256];
        for (int code = 0; code < lengths.Length; code++)
            lengths[code] = code < Exact ? code : (16 + ((code - Exact) % 16)) << (3 + ((code - Exact) / 16));
        return lengths;
    }
}
