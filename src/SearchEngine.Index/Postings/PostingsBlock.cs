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
    private readonly int[] _positionStarts = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];
    private readonly int[] _positionCounts = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];
    private int[] _positions = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];

    /// <summary>Postings in the block.</summary>
    public int Count { get; private set; }

    /// <summary>Section ordinals, increasing.</summary>
    public int[] Docs { get; } = new int[PackedInts.BlockSize];

    /// <summary>Per posting, bit f set when scoring field f has the term.</summary>
    public int[] Masks { get; } = new int[PackedInts.BlockSize];

    /// <summary>
    /// Term frequencies, <see cref="IndexFields.ScoringFieldCount"/> per posting (0 where the field lacks the term),
    /// once <see cref="DecodeFrequencies"/> has run.
    /// </summary>
    public int[] Tf { get; } = new int[PackedInts.BlockSize * IndexFields.ScoringFieldCount];

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
        _frequenciesAt = PackedInts.Read(docs, position, Masks);
        FrequenciesDecoded = false;
    }

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
        int position = _frequenciesAt;
        int union = 0;
        foreach (int m in Masks)
            union |= m;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if ((union & (1 << f)) == 0)
            {
                // Every entry of a field is written whenever the field is present, so only a column the last
                // block wrote needs zeroing (clearing the whole array per block was a tenth of a phrase search).
                if ((_tfColumns & (1 << f)) != 0)
                {
                    for (int i = 0; i < Masks.Length; i++)
                        Tf[(i * IndexFields.ScoringFieldCount) + f] = 0;
                }
                continue;
            }
            int present = 0;
            foreach (int m in Masks)
                present += (m >> f) & 1;
            var tfs = _scratch.AsSpan(0, present);
            position = PackedInts.Read(docs, position, tfs);
            int next = 0;
            for (int i = 0; i < Masks.Length; i++)
                Tf[(i * IndexFields.ScoringFieldCount) + f] = (Masks[i] & (1 << f)) != 0 ? tfs[next++] + 1 : 0; // stored as tf - 1: a present field has tf ≥ 1
        }
        _tfColumns = union;
    }

    /// <summary>The scoring fields whose column of <see cref="Tf"/> may hold non-zero values.</summary>
    private int _tfColumns;

    /// <summary>Scoring-field bits of text field <paramref name="field"/>: its whole-word and its sub-word field.</summary>
    public static int TextFieldBits(int field) => (1 << field) | (1 << (field + IndexFields.TextFieldCount));

    /// <summary>
    /// Decodes the positions of a full block, every field of every section, starting at <paramref name="position"/>
    /// of the positions stream (phrases ask for most sections of the blocks they reach).
    /// </summary>
    public void DecodePositions(ReadOnlySpan<byte> data, int position)
    {
        // No clearing: a slot is read only for a posting whose mask has the field, and every such slot is set below.
        int used = 0;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            int bits = TextFieldBits(f), present = 0;
            foreach (int m in Masks)
                present += (m & bits) != 0 ? 1 : 0;
            if (present == 0)
                continue;
            var counts = _scratch.AsSpan(0, present);
            position = PackedInts.Read(data, position, counts);
            int total = 0;
            foreach (int c in counts)
                total += c + 1;
            if (_positions.Length < used + total)
                Array.Resize(ref _positions, Math.Max(used + total, _positions.Length * 2));
            for (int at = 0; at < total; at += PackedInts.BlockSize)
                position = PackedInts.Read(data, position, _positions.AsSpan(used + at, Math.Min(PackedInts.BlockSize, total - at)));
            int next = 0;
            for (int i = 0; i < Count; i++)
            {
                int slot = (i * IndexFields.TextFieldCount) + f;
                if ((Masks[i] & bits) == 0)
                    continue;
                int count = counts[next++] + 1;
                _positionStarts[slot] = used;
                _positionCounts[slot] = count;
                // Deltas restart at each section: its first is the position itself.
                for (int k = used + 1; k < used + count; k++)
                    _positions[k] += _positions[k - 1];
                used += count;
            }
        }
    }

    /// <summary>Appends the positions decoded by <see cref="DecodePositions"/> of posting <paramref name="index"/> in text field <paramref name="field"/>.</summary>
    public void CopyPositions(int index, int field, List<int> output)
    {
        if ((Masks[index] & TextFieldBits(field)) == 0)
            return; // the slot was not written for this block
        int slot = (index * IndexFields.TextFieldCount) + field;
        output.AddRange(_positions.AsSpan(_positionStarts[slot], _positionCounts[slot]));
    }

    private void DecodeVarInts(ReadOnlySpan<byte> docs, int position, int previousDoc)
    {
        FrequenciesDecoded = true;
        _tfColumns = (1 << IndexFields.ScoringFieldCount) - 1; // any column may now hold values in its first Count rows
        var r = new ByteReader(docs, position);
        int doc = previousDoc, start = 0;
        for (int i = 0; i < Count; i++)
        {
            Docs[i] = doc += r.ReadVarInt();
            int mask = Masks[i] = r.ReadByte();
            for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
                Tf[(i * IndexFields.ScoringFieldCount) + f] = (mask & (1 << f)) != 0 ? r.ReadVarInt() : 0;
            PositionStarts[i] = start;
            start += r.ReadVarInt();
        }
    }
}
