using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Frame-of-reference bit packing, as Lucene's block postings and tantivy's bitpacker do: a run of non-negative
/// integers is stored at one bit width in a header byte followed by ceil(count × width / 8) bytes, least
/// significant bit first (a run of 128 values at width w takes 1 + 16w bytes), with the few values too wide for
/// it patched in after (<see cref="Write"/>).
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

    /// <summary>
    /// Writes <paramref name="values"/> (at most 256) at the width that costs fewest bytes: the width of the largest,
    /// or up to 8 bits less with the values that do not fit patched afterwards (PFOR, as Lucene's PForUtil does), so
    /// one large delta does not widen a whole block. Layout: a byte with the width in its low 6 bits and bit 6 set
    /// when patched; if patched, the exception count; the packed low bits; then per exception its index (a byte)
    /// and its high bits (varint).
    /// </summary>
    public static void Write(ByteWriter output, ReadOnlySpan<int> values)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Length, 256);
        // How many values need each bit length: a width's exceptions and the bytes of their high bits follow from
        // it, so each candidate width is priced without another pass over the values.
        Span<int> lengths = stackalloc int[33];
        uint or = 0;
        foreach (int v in values)
        {
            or |= (uint)v;
            lengths[32 - System.Numerics.BitOperations.LeadingZeroCount((uint)v)]++;
        }
        int max = 32 - System.Numerics.BitOperations.LeadingZeroCount(or);
        int bits = max, cost = PackedLength(values.Length, max), exceptions = 0;
        for (int w = max - 1; w >= Math.Max(0, max - 8); w--)
        {
            int count = 0, wCost = PackedLength(values.Length, w) + 1;
            for (int b = w + 1; b <= max; b++)
            {
                // A value of bit length b has b − w high bits: an index byte and a varint of ⌈(b − w) / 7⌉ bytes.
                count += lengths[b];
                wCost += lengths[b] * (1 + ((b - w + 6) / 7));
            }
            if (count > byte.MaxValue)
                break;
            if (wCost < cost)
                (bits, cost, exceptions) = (w, wCost, count);
        }
        output.WriteByte((byte)(bits | (exceptions > 0 ? PatchedFlag : 0)));
        if (exceptions > 0)
            output.WriteByte((byte)exceptions);
        Span<byte> packed = stackalloc byte[PackedLength(values.Length, bits)];
        Pack(values, bits, packed);
        output.WriteBytes(packed);
        if (exceptions == 0)
            return;
        for (int i = 0; i < values.Length; i++)
        {
            uint high = (uint)values[i] >> bits;
            if (high == 0)
                continue;
            output.WriteByte((byte)i);
            output.WriteVarInt(high);
        }
    }

    /// <summary>
    /// Reads <paramref name="output"/>.Length values written by <see cref="Write"/> at <paramref name="position"/>;
    /// returns the position after them.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> data, int position, Span<int> output)
    {
        int header = data[position++];
        int bits = header & 0x3F;
        if (bits > 32 || (header & 0x80) != 0)
            throw new InvalidDataException($"A packed block in the index has header {header}: the segment is corrupt.");
        int exceptions = (header & PatchedFlag) != 0 ? data[position++] : 0;
        int length = PackedLength(output.Length, bits);
        Unpack(data.Slice(position, length), bits, output);
        var r = new ByteReader(data, position + length);
        for (int e = 0; e < exceptions; e++)
        {
            int index = r.ReadByte();
            output[index] = unchecked((int)((uint)output[index] | (r.ReadVarUInt() << bits)));
        }
        return r.Position;
    }

    /// <summary>Where the parts of one run written by <see cref="Write"/> lie, for reading single values (<see cref="ValueAt"/>).</summary>
    /// <param name="Header">Position of the run's header byte (where <see cref="Read"/> starts).</param>
    /// <param name="Body">Position of the packed low bits.</param>
    /// <param name="Bits">Their width.</param>
    /// <param name="Patches">Position of the exception list (index byte, high bits varint per exception).</param>
    /// <param name="Exceptions">How many values are patched.</param>
    public readonly record struct Run(int Header, int Body, int Bits, int Patches, int Exceptions);

    /// <summary>
    /// Reads the header of a run of <paramref name="count"/> values at <paramref name="position"/> without unpacking
    /// it; returns the position after the run (its exceptions skipped, which needs reading their varints).
    /// </summary>
    public static int Locate(ReadOnlySpan<byte> data, int position, int count, out Run run)
    {
        int start = position;
        int header = data[position++];
        int bits = header & 0x3F;
        if (bits > 32 || (header & 0x80) != 0)
            throw new InvalidDataException($"A packed block in the index has header {header}: the segment is corrupt.");
        int exceptions = (header & PatchedFlag) != 0 ? data[position++] : 0;
        int patches = position + PackedLength(count, bits);
        run = new Run(start, position, bits, patches, exceptions);
        var r = new ByteReader(data, patches);
        for (int e = 0; e < exceptions; e++)
        {
            r.ReadByte();
            r.ReadVarUInt();
        }
        return r.Position;
    }

    /// <summary>
    /// The value at <paramref name="index"/> of a located run, without unpacking the rest: a scorer that needs one
    /// posting's frequencies out of a block reads a few bits instead of every field of 128 postings.
    /// </summary>
    public static int ValueAt(ReadOnlySpan<byte> data, in Run run, int index)
    {
        uint value = 0;
        if (run.Bits > 0)
        {
            long bit = (long)index * run.Bits;
            int at = run.Body + (int)(bit >> 3), shift = (int)(bit & 7);
            ulong word = 0;
            int available = Math.Min(8, run.Patches - at);
            if (available == 8)
                word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            else
            {
                for (int b = 0; b < available; b++)
                    word |= (ulong)data[at + b] << (8 * b);
            }
            ulong mask = run.Bits == 32 ? uint.MaxValue : (1UL << run.Bits) - 1;
            value = (uint)((word >> shift) & mask);
        }
        if (run.Exceptions > 0)
        {
            var r = new ByteReader(data, run.Patches);
            for (int e = 0; e < run.Exceptions; e++)
            {
                int patched = r.ReadByte();
                uint high = r.ReadVarUInt();
                if (patched == index)
                    return unchecked((int)(value | (high << run.Bits)));
            }
        }
        return unchecked((int)value);
    }

    private const int PatchedFlag = 0x40;

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
        int done = Avx2.IsSupported && bits <= MaxGatherBits ? UnpackEights(packed, bits, output) : 0;
        UnpackScalar(packed, bits, output, done);
    }

    /// <summary>
    /// Widest values <see cref="UnpackEights"/> reads: a value starts up to 7 bits into the 32-bit word gathered at its
    /// first byte, so up to 25 bits fit (doc deltas, masks, frequencies and position deltas are all far narrower).
    /// </summary>
    internal const int MaxGatherBits = 25;

    /// <summary>
    /// Unpacks eight values at a time with AVX2: each lane gathers the 32-bit word at its value's first byte, shifts
    /// it by the value's bit offset in that byte, and masks it. Stops before a group whose last word would read past
    /// <paramref name="packed"/>; returns how many values it wrote. The scalar loop took about a nanosecond a value,
    /// and a conjunction of common words unpacks millions of them (their every block, masks and positions).
    /// </summary>
    private static unsafe int UnpackEights(ReadOnlySpan<byte> packed, int bits, Span<int> output)
    {
        var laneBits = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * bits;
        var mask = Vector256.Create((int)((1u << bits) - 1));
        var seven = Vector256.Create(7);
        int i = 0;
        fixed (byte* source = packed)
        fixed (int* target = output)
        {
            for (; i + 8 <= output.Length; i += 8)
            {
                int first = i * bits;
                if (((first + (7 * bits)) >> 3) + 4 > packed.Length)
                    break;
                var offsets = Vector256.Create(first) + laneBits;
                var words = Avx2.GatherVector256((int*)source, Avx2.ShiftRightLogical(offsets, 3), 1);
                var values = Avx2.ShiftRightLogicalVariable(words.AsUInt32(), (offsets & seven).AsUInt32()).AsInt32() & mask;
                values.Store(target + i);
            }
        }
        return i;
    }

    /// <summary>Unpacks the values of <paramref name="output"/> from index <paramref name="from"/> on, one at a time.</summary>
    internal static void UnpackScalar(ReadOnlySpan<byte> packed, int bits, Span<int> output, int from = 0)
    {
        if (bits == 0)
        {
            output[from..].Clear();
            return;
        }
        ulong mask = bits == 32 ? uint.MaxValue : (1UL << bits) - 1;
        // Each value lies within the 8 bytes at its first byte (at most 7 + 32 bits), read as one unaligned word while
        // 8 bytes remain (the loop's condition is the bounds check, so the reads go through refs without one of
        // their own: this loop is most of a search's postings decoding); the last few values take the byte path.
        int i = from;
        if (BitConverter.IsLittleEndian)
        {
            ref byte source = ref MemoryMarshal.GetReference(packed);
            ref int target = ref MemoryMarshal.GetReference(output);
            long bit = (long)from * bits;
            for (; i < output.Length; i++, bit += bits)
            {
                int at = (int)(bit >> 3);
                if (at + 8 > packed.Length)
                    break;
                ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, at));
                Unsafe.Add(ref target, i) = unchecked((int)(uint)((word >> (int)(bit & 7)) & mask));
            }
        }
        for (; i < output.Length; i++)
        {
            long bit = (long)i * bits;
            int at = (int)(bit >> 3), shift = (int)(bit & 7);
            ulong word = 0;
            for (int b = 0; at + b < packed.Length && b < 8; b++)
                word |= (ulong)packed[at + b] << (8 * b);
            output[i] = unchecked((int)(uint)((word >> shift) & mask));
        }
    }
}
