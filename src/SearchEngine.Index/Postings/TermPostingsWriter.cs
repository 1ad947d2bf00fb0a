using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Accumulates one term's postings while a segment is built: for each section (in increasing order) the
/// frequency in each scoring field and the positions in each text field, with block data every
/// <see cref="BlockSize"/> postings. Docs stream, per full block of <see cref="BlockSize"/> postings, each a
/// <see cref="PackedInts"/> run: doc deltas; field masks; per scoring field present in the block, tf − 1 of the
/// postings that have it. Positions stream of a full block, per text field: the position counts − 1 of the
/// sections that have it, then their position deltas in runs of up to 128. The last, shorter block is varints per
/// section: in the docs stream doc delta, field mask byte, tf per set field, byte length of its positions; in the
/// positions stream per text field that has the term, count and deltas.
/// </summary>
internal sealed class TermPostingsWriter
{
    public const int BlockSize = PackedInts.BlockSize;

    private readonly ByteWriter _docs = new(16);
    private readonly ByteWriter _positions = new(16);
    private readonly List<BlockInfo> _blocks = [];
    private readonly int[] _docDeltas = new int[BlockSize];
    private readonly int[] _masks = new int[BlockSize];
    private readonly int[] _tf = new int[BlockSize * IndexFields.ScoringFieldCount];
    private readonly int[] _positionCounts = new int[BlockSize * IndexFields.TextFieldCount];
    private readonly List<int>[] _positionDeltas = [.. Enumerable.Range(0, IndexFields.TextFieldCount).Select(_ => new List<int>())];
    private int _lastDoc = -1;
    private int _inBlock;
    private byte[] _maxTf = new byte[IndexFields.ScoringFieldCount];
    private ushort[] _minLength = NewMinLengths();

    public int DocFrequency { get; private set; }

    public ReadOnlySpan<byte> Docs => _docs.Written;

    public ReadOnlySpan<byte> Positions => _positions.Written;

    public IReadOnlyList<BlockInfo> Blocks => _blocks;

    /// <summary>
    /// Adds the postings of one section: its frequency per scoring field, and per text field the count of its sorted
    /// slots in <paramref name="positionCounts"/>, the slots themselves one field after another in
    /// <paramref name="positions"/>.
    /// </summary>
    public void Add(int doc, ReadOnlySpan<int> tf, ReadOnlySpan<int> positionCounts, ReadOnlySpan<int> positions, ReadOnlySpan<int> fieldLengths)
    {
        if (doc <= _lastDoc)
            throw new InvalidOperationException($"Postings must be added in increasing section order ({doc} after {_lastDoc}).");
        _docDeltas[_inBlock] = doc - _lastDoc;
        int mask = 0;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            _tf[(_inBlock * IndexFields.ScoringFieldCount) + f] = Math.Max(tf[f], 0);
            if (tf[f] <= 0)
                continue;
            mask |= 1 << f;
            _maxTf[f] = (byte)Math.Max(_maxTf[f], Math.Min(tf[f], 255));
        }
        _masks[_inBlock] = mask;
        // Positions are held until the block closes: a full block packs them per field, a short one writes varints.
        int at = 0;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            _minLength[f] = (ushort)Math.Min(_minLength[f], Math.Min(fieldLengths[f], ushort.MaxValue));
            int count = positionCounts[f];
            _positionCounts[(_inBlock * IndexFields.TextFieldCount) + f] = count;
            int previous = 0;
            var deltas = _positionDeltas[f];
            foreach (int position in positions.Slice(at, count))
            {
                deltas.Add(position - previous);
                previous = position;
            }
            at += count;
        }
        _lastDoc = doc;
        DocFrequency++;
        if (++_inBlock == BlockSize)
            CloseBlock();
    }

    /// <summary>Empties the writer for the next term, keeping its buffers (a merge writes many terms one after another).</summary>
    public void Reset()
    {
        _docs.Clear();
        _positions.Clear();
        _blocks.Clear();
        foreach (var deltas in _positionDeltas)
            deltas.Clear();
        _lastDoc = -1;
        _inBlock = 0;
        _maxTf = new byte[IndexFields.ScoringFieldCount];
        _minLength = NewMinLengths();
        DocFrequency = 0;
    }

    /// <summary>Closes the last, partial block; call once after the last <see cref="Add"/>.</summary>
    public void Finish()
    {
        if (_inBlock > 0)
            CloseBlock();
    }

    private void CloseBlock()
    {
        _blocks.Add(new BlockInfo(_lastDoc, _docs.Length, _positions.Length, _maxTf, _minLength));
        if (_inBlock == BlockSize)
            WritePacked();
        else
            WriteVarInts();
        foreach (var deltas in _positionDeltas)
            deltas.Clear();
        _maxTf = new byte[IndexFields.ScoringFieldCount];
        _minLength = NewMinLengths();
        _inBlock = 0;
    }

    private void WritePacked()
    {
        PackedInts.Write(_docs, _docDeltas);
        PackedInts.Write(_docs, _masks);
        int union = 0;
        foreach (int m in _masks)
            union |= m;
        Span<int> present = stackalloc int[BlockSize];
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if ((union & (1 << f)) == 0)
                continue;
            int count = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                if ((_masks[i] & (1 << f)) != 0)
                    present[count++] = _tf[(i * IndexFields.ScoringFieldCount) + f] - 1;
            }
            PackedInts.Write(_docs, present[..count]);
        }
        // Positions, per text field: position count − 1 of each section that has the field (whole word or
        // sub-word), then all their deltas (restarting at each section) in runs of up to a block.
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            int count = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                if ((_masks[i] & PostingsBlock.TextFieldBits(f)) != 0)
                    present[count++] = _positionCounts[(i * IndexFields.TextFieldCount) + f] - 1;
            }
            if (count == 0)
                continue;
            PackedInts.Write(_positions, present[..count]);
            var deltas = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_positionDeltas[f]);
            for (int at = 0; at < deltas.Length; at += BlockSize)
                PackedInts.Write(_positions, deltas.Slice(at, Math.Min(BlockSize, deltas.Length - at)));
        }
    }

    /// <summary>
    /// A block too short to pack well (Lucene and tantivy write their tails as varints too), with each section's
    /// positions byte length in the docs stream so a cursor can find a section's positions without reading those
    /// before it.
    /// </summary>
    private void WriteVarInts()
    {
        Span<int> read = stackalloc int[IndexFields.TextFieldCount];
        for (int i = 0; i < _inBlock; i++)
        {
            _docs.WriteVarInt(_docDeltas[i]);
            _docs.WriteByte((byte)_masks[i]);
            for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
            {
                if ((_masks[i] & (1 << f)) != 0)
                    _docs.WriteVarInt(_tf[(i * IndexFields.ScoringFieldCount) + f]);
            }
            int start = _positions.Length;
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
            {
                int count = _positionCounts[(i * IndexFields.TextFieldCount) + f];
                if (count == 0)
                    continue;
                _positions.WriteVarInt(count);
                for (int k = 0; k < count; k++)
                    _positions.WriteVarInt(_positionDeltas[f][read[f]++]);
            }
            _docs.WriteVarInt(_positions.Length - start);
        }
    }

    private static ushort[] NewMinLengths()
    {
        var lengths = new ushort[IndexFields.TextFieldCount];
        Array.Fill(lengths, ushort.MaxValue);
        return lengths;
    }
}
