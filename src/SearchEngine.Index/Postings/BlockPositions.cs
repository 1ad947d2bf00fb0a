using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// The positions of one full (packed) block of a term, read for one posting at a time: per text field the slot
/// counts of the postings that have it, then their slot deltas in runs of up to 128 (<see cref="TermPostingsWriter"/>).
/// A field's counts are decoded when the field is first asked for, and a run of deltas when a posting's slots fall
/// in it, so a conjunction that confirms a phrase in a few sections of each block it jumps into decodes a few runs,
/// not every field of 128 sections. Past <see cref="SingleReadsPerBlock"/> postings read (one after another: a phrase
/// reads a posting's fields together) the whole block is decoded at once.
/// </summary>
internal sealed class BlockPositions
{
    private const int SingleReadsPerBlock = 32;

    private readonly int[] _scratch = new int[PackedInts.BlockSize];

    // Per text field, while read posting by posting: where each present posting's slots start among the field's
    // deltas (and one past the last), where each run of deltas lies, the decoded values and which runs hold them.
    private readonly int[][] _starts = [.. Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => new int[PackedInts.BlockSize + 1])];
    private readonly List<int>[] _runs = [.. Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => new List<int>())];
    private readonly List<bool>[] _runDecoded = [.. Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => new List<bool>())];
    private int[][] _values = [.. Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => new int[PackedInts.BlockSize])];
    private int _start;
    private int _located;
    private int _next;
    private int _reads;
    private int _lastIndex;

    // The whole block decoded: per posting and text field where its slots start in _all, and how many.
    private bool _whole;
    private readonly int[] _wholeStarts = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];
    private readonly int[] _wholeCounts = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];
    private int[] _all = new int[PackedInts.BlockSize * IndexFields.TextFieldCount];

    /// <summary>Forgets the previous block; its positions start at <paramref name="start"/> of the positions stream.</summary>
    public void Reset(int start)
    {
        _start = _next = start;
        _located = 0;
        _reads = 0;
        _lastIndex = -1;
        _whole = false;
    }

    /// <summary>
    /// Appends the slots of posting <paramref name="index"/> in text field <paramref name="field"/>, which it must
    /// have; <paramref name="block"/> is the decoded block, which knows each posting's place among those that have a
    /// text field.
    /// </summary>
    public void Read(ReadOnlySpan<byte> data, PostingsBlock block, int index, int field, List<int> output)
    {
        if (!_whole && index != _lastIndex && ++_reads > SingleReadsPerBlock)
            DecodeWhole(data, block);
        _lastIndex = index;
        if (_whole)
        {
            int slot = (index * IndexFields.TextFieldCount) + field;
            output.AddRange(_all.AsSpan(_wholeStarts[slot], _wholeCounts[slot]));
            return;
        }
        while (_located <= field)
            Locate(data, block, _located++);
        int rank = block.TextFieldRank(field, index);
        int from = _starts[field][rank], to = _starts[field][rank + 1];
        for (int run = from / PackedInts.BlockSize; run <= (to - 1) / PackedInts.BlockSize; run++)
        {
            if (_runDecoded[field][run])
                continue;
            int length = Math.Min(PackedInts.BlockSize, _starts[field][block.TextFieldCount(field)] - (run * PackedInts.BlockSize));
            PackedInts.Read(data, _runs[field][run], _values[field].AsSpan(run * PackedInts.BlockSize, length));
            _runDecoded[field][run] = true;
        }
        // Deltas restart at each section: its first is the slot itself.
        int position = 0;
        for (int k = from; k < to; k++)
            output.Add(position += _values[field][k]);
    }

    /// <summary>Decodes a field's slot counts and finds its runs of deltas, which the next field's data follows.</summary>
    private void Locate(ReadOnlySpan<byte> data, PostingsBlock block, int field)
    {
        _runs[field].Clear();
        _runDecoded[field].Clear();
        int present = block.TextFieldCount(field);
        if (present == 0)
            return;
        var counts = _scratch.AsSpan(0, present);
        int position = PackedInts.Read(data, _next, counts);
        var starts = _starts[field];
        starts[0] = 0;
        for (int i = 0; i < present; i++)
            starts[i + 1] = starts[i] + counts[i] + 1;
        int total = starts[present];
        if (_values[field].Length < total)
            _values[field] = new int[Math.Max(total, _values[field].Length * 2)];
        for (int at = 0; at < total; at += PackedInts.BlockSize)
        {
            _runs[field].Add(position);
            _runDecoded[field].Add(false);
            position = PackedInts.Locate(data, position, Math.Min(PackedInts.BlockSize, total - at), out _);
        }
        _next = position;
    }

    /// <summary>Decodes every field of every posting from the block's start (many postings of the block asked for).</summary>
    private void DecodeWhole(ReadOnlySpan<byte> data, PostingsBlock block)
    {
        _whole = true;
        int position = _start;
        int used = 0;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            int bits = PostingsBlock.TextFieldBits(f), present = block.TextFieldCount(f);
            if (present == 0)
                continue;
            var counts = _scratch.AsSpan(0, present);
            position = PackedInts.Read(data, position, counts);
            int total = 0;
            foreach (int c in counts)
                total += c + 1;
            if (_all.Length < used + total)
                Array.Resize(ref _all, Math.Max(used + total, _all.Length * 2));
            for (int at = 0; at < total; at += PackedInts.BlockSize)
                position = PackedInts.Read(data, position, _all.AsSpan(used + at, Math.Min(PackedInts.BlockSize, total - at)));
            int next = 0;
            for (int i = 0; i < block.Count; i++)
            {
                if ((block.Masks[i] & bits) == 0)
                    continue;
                int slot = (i * IndexFields.TextFieldCount) + f;
                int count = counts[next++] + 1;
                _wholeStarts[slot] = used;
                _wholeCounts[slot] = count;
                for (int k = used + 1; k < used + count; k++)
                    _all[k] += _all[k - 1];
                used += count;
            }
        }
    }
}
