using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Frame-of-reference bit packing, as Lucene's block postings and tantivy's bitpacker do: a run of non-negative
/// integers is stored at one bit width, the width of its largest value, in a width byte followed by
/// ceil(count × width / 8) bytes, least significant bit first. A run of 128 values at width w takes 1 + 16w bytes.
/// </summary>
internal static class PackedInts
{
    /// <summary>Values a full postings block packs together.</summary>
    public const int BlockSize = 128;

    /// <summary>Bits needed for the largest of <paramref name="values"/> (0 when all are zero).</summary>
    public static int BitsRequired(ReadOnlySpan<int> values)
    {
        uint or = 0;
        foreach (int v in values)
            or |= (uint)v;
        return 32 - System.Numerics.BitOperations.LeadingZeroCount(or);
    }

    /// <summary>Bytes of the packed body (without the width byte) for <paramref name="count"/> values at <paramref name="bits"/>.</summary>
    public static int PackedLength(int count, int bits) => (int)(((long)count * bits + 7) / 8);

    /// <summary>Writes the width byte and <paramref name="values"/> packed at the smallest width that holds them all.</summary>
    public static void Write(ByteWriter output, ReadOnlySpan<int> values)
    {
        int bits = BitsRequired(values);
        output.WriteByte((byte)bits);
        Span<byte> packed = stackalloc byte[PackedLength(values.Length, bits)];
        Pack(values, bits, packed);
        output.WriteBytes(packed);
    }

    /// <summary>
    /// Reads <paramref name="output"/>.Length values written by <see cref="Write"/> at <paramref name="position"/>;
    /// returns the position after them.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> data, int position, Span<int> output)
    {
        int bits = data[position];
        if (bits > 32)
            throw new InvalidDataException($"A packed block in the index has bit width {bits}: the segment is corrupt.");
        int length = PackedLength(output.Length, bits);
        Unpack(data.Slice(position + 1, length), bits, output);
        return position + 1 + length;
    }

    /// <summary>Packs each value's low <paramref name="bits"/> bits into <paramref name="packed"/> (which must be <see cref="PackedLength"/> long).</summary>
    public static void Pack(ReadOnlySpan<int> values, int bits, Span<byte> packed)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 32);
        ulong mask = bits == 32 ? uint.MaxValue : (1UL << bits) - 1;
        ulong pending = 0;
        int pendingBits = 0, at = 0;
        foreach (int v in values)
        {
            pending |= ((uint)v & mask) << pendingBits;
            pendingBits += bits;
            while (pendingBits >= 8)
            {
                packed[at++] = (byte)pending;
                pending >>= 8;
                pendingBits -= 8;
            }
        }
        if (pendingBits > 0)
            packed[at] = (byte)pending;
    }

    /// <summary>Unpacks <paramref name="output"/>.Length values of <paramref name="bits"/> bits each.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int bits, Span<int> output)
    {
        if (bits == 0)
        {
            output.Clear();
            return;
        }
        ulong mask = bits == 32 ? uint.MaxValue : (1UL << bits) - 1;
        ulong pending = 0;
        int pendingBits = 0, at = 0;
        for (int i = 0; i < output.Length; i++)
        {
            while (pendingBits < bits)
            {
                pending |= (ulong)packed[at++] << pendingBits;
                pendingBits += 8;
            }
            output[i] = unchecked((int)(uint)(pending & mask));
            pending >>= bits;
            pendingBits -= bits;
        }
    }
}
