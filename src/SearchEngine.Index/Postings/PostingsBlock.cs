using System.Runtime.Intrinsics;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// One block of a term's postings decoded into reusable arrays, so a cursor allocates nothing per posting. A full
/// block of <see cref="PackedInts.BlockSize"/> postings is packed (<see cref="TermPostingsWriter"/>); the last,
/// shorter block of a term is varints.
/// </summary>
internal sealed class PostingsBlock
{
    private readonly int[] _scratch = new int[PackedInts.BlockSize];
    private int _frequenciesAt;
    // Created when first needed: a query builds a cursor per term and segment, and most never read positions (and
    // many never decode a whole block's frequencies), so these kilobytes were garbage on every search.
    private BlockPositions? _positions;
    private int[]? _tf;

    /// <summary>Postings in the block.</summary>
    public int Count { get; private set; }

    /// <summary>Section ordinals, increasing.</summary>
    public int[] Docs { get; } = new int[PackedInts.BlockSize];

    /// <summary>
    /// Per posting, bit f set when scoring field f has the term; of a packed block, once <see cref="DecodeMasks"/> has
    /// run (a conjunction of words that needs no field, frequency or position skips them).
    /// </summary>
    public int[] Masks { get; } = new int[PackedInts.BlockSize];

    private PackedInts.Run _masksRun;
    private bool _masksDecoded;

    /// <summary>
    /// Term frequencies by scoring field, a column of <see cref="PackedInts.BlockSize"/> postings per field (0 where
    /// the field lacks the term), once <see cref="DecodeFrequencies"/> has run: a field's column is cleared and filled
    /// as one run, where a row per posting interleaved the fields.
    /// </summary>
    private int[] Tf => _tf ??= new int[PackedInts.BlockSize * IndexFields.ScoringFieldCount];

    /// <summary>Posting <paramref name="index"/>'s frequency per scoring field, from a block whose frequencies are decoded.</summary>
    public void CopyFrequencies(int index, Span<int> tf)
    {
        var columns = Tf;
        for (int f = 0; f < tf.Length; f++)
            tf[f] = columns[(f * PackedInts.BlockSize) + index];
    }

    /// <summary>Per posting of a short block, where its positions start, relative to the block's first positions byte.</summary>
    public int[] PositionStarts { get; } = new int[PackedInts.BlockSize];

    /// <summary>
    /// Decodes <paramref name="count"/> postings starting at <paramref name="position"/> of the docs stream; the first
    /// doc delta is relative to <paramref name="previousDoc"/> (the previous block's last section, or -1).
    /// </summary>
    public void Decode(ReadOnlySpan<byte> docs, int position, int count, int previousDoc)
    {
        Count = count;
        if (count == PackedInts.BlockSize)
            DecodePacked(docs, position, previousDoc);
        else
            DecodeVarInts(docs, position, previousDoc);
    }

    private void DecodePacked(ReadOnlySpan<byte> docs, int position, int previousDoc)
    {
        position = PackedInts.Read(docs, position, Docs);
        int doc = previousDoc;
        for (int i = 0; i < Docs.Length; i++)
            Docs[i] = doc += Docs[i];
        _frequenciesAt = PackedInts.Locate(docs, position, PackedInts.BlockSize, out _masksRun);
        _masksDecoded = false;
        FrequenciesDecoded = false;
        _runsLocated = false;
        _presenceIndexed = false;
        _positionsStarted = false;
        _frequencyReads = 0;
    }

    /// <summary>Decodes the masks of a packed block (once).</summary>
    public void DecodeMasks(ReadOnlySpan<byte> docs)
    {
        if (_masksDecoded)
            return;
        _masksDecoded = true;
        PackedInts.Read(docs, _masksRun.Header, Masks);
    }

    /// <summary>The mask of posting <paramref name="index"/>, read alone while the block's masks are not decoded.</summary>
    public int MaskAt(ReadOnlySpan<byte> docs, int index) => _masksDecoded ? Masks[index] : PackedInts.ValueAt(docs, _masksRun, index);

    /// <summary>Whether <see cref="Tf"/> holds this block's frequencies; a packed block decodes them when first asked.</summary>
    public bool FrequenciesDecoded { get; private set; }

    /// <summary>
    /// Decodes a packed block's frequencies, which follow its masks in <paramref name="docs"/>: a conjunction
    /// passes over most sections of the blocks it jumps into, and never scores them.
    /// </summary>
    public void DecodeFrequencies(ReadOnlySpan<byte> docs)
    {
        if (FrequenciesDecoded)
            return;
        FrequenciesDecoded = true;
        DecodeMasks(docs);
        IndexPresence();
        var columns = Tf;
        int position = _frequenciesAt, union = 0;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            var column = columns.AsSpan(f * PackedInts.BlockSize, PackedInts.BlockSize);
            ulong low = _presentLow[f], high = _presentHigh[f];
            int present = Present(low, high);
            if (present == 0)
            {
                // Only a column the last block wrote needs zeroing (clearing every column per block was a tenth of a phrase search).
                if ((_tfColumns & (1 << f)) != 0)
                    column.Clear();
                continue;
            }
            union |= 1 << f;
            // Stored as tf − 1: a present field has tf ≥ 1.
            if (present == PackedInts.BlockSize)
            {
                position = PackedInts.Read(docs, position, column);
                for (int i = 0; i < column.Length; i++)
                    column[i]++;
                continue;
            }
            var values = _scratch.AsSpan(0, present);
            position = PackedInts.Read(docs, position, values);
            column.Clear();
            int next = 0;
            for (ulong bits = low; bits != 0; bits &= bits - 1)
                column[System.Numerics.BitOperations.TrailingZeroCount(bits)] = values[next++] + 1;
            for (ulong bits = high; bits != 0; bits &= bits - 1)
                column[64 + System.Numerics.BitOperations.TrailingZeroCount(bits)] = values[next++] + 1;
        }
        _tfColumns = union;
    }

    /// <summary>
    /// Past this many postings of one packed block scored one by one, the rest of the block's frequencies are decoded
    /// at once: reading single values wins when a conjunction or a phrase scores a few sections of each block it jumps
    /// into, decoding the block when a single term scores most of them.
    /// </summary>
    private const int SingleReadsPerBlock = 16;

    private readonly PackedInts.Run[] _tfRuns = new PackedInts.Run[IndexFields.ScoringFieldCount];
    private readonly ulong[] _presentLow = new ulong[IndexFields.ScoringFieldCount];
    private readonly ulong[] _presentHigh = new ulong[IndexFields.ScoringFieldCount];
    private bool _runsLocated;
    private int _frequencyReads;

    /// <summary>
    /// Writes posting <paramref name="index"/>'s frequency per scoring field into <paramref name="tf"/>: copied from
    /// <see cref="Tf"/> when the block's frequencies are decoded, else read value by value from its packed runs.
    /// </summary>
    public void ReadFrequencies(ReadOnlySpan<byte> docs, int index, Span<int> tf)
    {
        if (!FrequenciesDecoded && ++_frequencyReads > SingleReadsPerBlock)
            DecodeFrequencies(docs);
        if (FrequenciesDecoded)
        {
            CopyFrequencies(index, tf);
            return;
        }
        if (!_runsLocated)
            LocateFrequencyRuns(docs);
        int mask = Masks[index]; // decoded by LocateFrequencyRuns
        for (int f = 0; f < tf.Length; f++)
        {
            if ((mask & (1 << f)) == 0)
            {
                tf[f] = 0;
                continue;
            }
            // The posting's place among those that have the field: the set bits of the field's presence below it.
            tf[f] = PackedInts.ValueAt(docs, _tfRuns[f], Rank(_presentLow[f], _presentHigh[f], index)) + 1;
        }
    }

    /// <summary>Where each scoring field's frequency run lies.</summary>
    private void LocateFrequencyRuns(ReadOnlySpan<byte> docs)
    {
        _runsLocated = true;
        DecodeMasks(docs);
        IndexPresence();
        int position = _frequenciesAt;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            int present = Present(_presentLow[f], _presentHigh[f]);
            if (present > 0)
                position = PackedInts.Locate(docs, position, present, out _tfRuns[f]);
        }
    }

    private bool _presenceIndexed;

    /// <summary>Which postings of a full block have each scoring field, as a 128-bit set per field (masks decoded).</summary>
    private void IndexPresence()
    {
        if (_presenceIndexed)
            return;
        System.Diagnostics.Debug.Assert(_masksDecoded, "The masks are decoded before anything counts them.");
        _presenceIndexed = true;
        // Eight masks a vector, one compare per field: a loop over each mask's set bits mispredicted its way to a
        // tenth of a phrase search.
        ref int masks = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(Masks);
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            var bit = Vector256.Create(1 << f);
            ulong low = 0, high = 0;
            for (int v = 0; v < 8; v++)
            {
                var present = Vector256.Equals(Vector256.LoadUnsafe(ref masks, (nuint)(v * 8)) & bit, bit);
                low |= (ulong)present.ExtractMostSignificantBits() << (v * 8);
                present = Vector256.Equals(Vector256.LoadUnsafe(ref masks, (nuint)(64 + (v * 8))) & bit, bit);
                high |= (ulong)present.ExtractMostSignificantBits() << (v * 8);
            }
            _presentLow[f] = low;
            _presentHigh[f] = high;
        }
    }

    /// <summary>The scoring fields whose column of <see cref="Tf"/> may hold non-zero values.</summary>
    private int _tfColumns;

    /// <summary>Scoring-field bits of text field <paramref name="field"/>: its whole-word and its sub-word field.</summary>
    public static int TextFieldBits(int field) => (1 << field) | (1 << (field + IndexFields.TextFieldCount));

    /// <summary>
    /// Appends the slots of posting <paramref name="index"/> of a full block in text field <paramref name="field"/>
    /// (which it must have); the block's positions start at <paramref name="position"/> of the term's positions stream.
    /// </summary>
    public void ReadPositions(ReadOnlySpan<byte> docs, ReadOnlySpan<byte> data, int position, int index, int field, List<int> output)
    {
        DecodeMasks(docs);
        if (!_positionsStarted)
        {
            (_positions ??= new BlockPositions()).Reset(position);
            _positionsStarted = true;
        }
        _positions!.Read(data, this, index, field, output);
    }

    private bool _positionsStarted;

    /// <summary>How many postings of the block have text field <paramref name="field"/> (whole word or sub-word).</summary>
    public int TextFieldCount(int field)
    {
        IndexPresence();
        return Present(_presentLow[field] | _presentLow[field + IndexFields.TextFieldCount], _presentHigh[field] | _presentHigh[field + IndexFields.TextFieldCount]);
    }

    /// <summary>The place of posting <paramref name="index"/> among the postings that have text field <paramref name="field"/>.</summary>
    public int TextFieldRank(int field, int index)
    {
        IndexPresence();
        return Rank(_presentLow[field] | _presentLow[field + IndexFields.TextFieldCount],
            _presentHigh[field] | _presentHigh[field + IndexFields.TextFieldCount], index);
    }

    /// <summary>The postings in a 128-bit presence set.</summary>
    private static int Present(ulong low, ulong high) => System.Numerics.BitOperations.PopCount(low) + System.Numerics.BitOperations.PopCount(high);

    private static int Rank(ulong low, ulong high, int index) => index < 64
        ? System.Numerics.BitOperations.PopCount(low & ((1UL << index) - 1))
        : System.Numerics.BitOperations.PopCount(low) + System.Numerics.BitOperations.PopCount(high & ((1UL << (index - 64)) - 1));

    private void DecodeVarInts(ReadOnlySpan<byte> docs, int position, int previousDoc)
    {
        FrequenciesDecoded = true;
        _masksDecoded = true;
        _tfColumns = (1 << IndexFields.ScoringFieldCount) - 1; // any column may now hold values in its first Count rows
        var r = new ByteReader(docs, position);
        int doc = previousDoc, start = 0;
        for (int i = 0; i < Count; i++)
        {
            Docs[i] = doc += r.ReadVarInt();
            int mask = Masks[i] = r.ReadByte();
            for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
                Tf[(f * PackedInts.BlockSize) + i] = (mask & (1 << f)) != 0 ? r.ReadVarInt() : 0;
            PositionStarts[i] = start;
            start += r.ReadVarInt();
        }
    }
}
