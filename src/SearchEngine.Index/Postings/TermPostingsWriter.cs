using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Accumulates one term's postings while a segment is built: for each section (in increasing order) the
/// frequency in each scoring field and the positions in each text field, with block data every
/// <see cref="BlockSize"/> postings. Docs stream, per full block of <see cref="BlockSize"/> postings, each a
/// <see cref="PackedInts"/> run: doc deltas; field masks; per scoring field present in the block, tf − 1 of the
/// postings that have it; byte lengths of their positions. The last, shorter block is varints per section: doc
/// delta, field mask byte, tf per set field, byte length of its positions. Positions stream, per section and per
/// text field that has the term: varint count, varint deltas.
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
    private readonly int[] _positionLengths = new int[BlockSize];
    private int _lastDoc = -1;
    private int _inBlock;
    private int _blockPositionsStart;
    private byte[] _maxTf = new byte[IndexFields.ScoringFieldCount];
    private ushort[] _minLength = NewMinLengths();

    public int DocFrequency { get; private set; }

    public ReadOnlySpan<byte> Docs => _docs.Written;

    public ReadOnlySpan<byte> Positions => _positions.Written;

    public IReadOnlyList<BlockInfo> Blocks => _blocks;

    /// <summary>Adds the postings of one section; <paramref name="positions"/> holds sorted slots per text field.</summary>
    public void Add(int doc, ReadOnlySpan<int> tf, List<int>?[] positions, ReadOnlySpan<int> fieldLengths)
    {
        if (doc <= _lastDoc)
            throw new InvalidOperationException($"Postings must be added in increasing section order ({doc} after {_lastDoc}).");
        if (_inBlock == 0)
            _blockPositionsStart = _positions.Length;
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
        // Positions go to their own stream (a query without phrases never reads them); the docs stream records
        // their length so a cursor can step over the positions of sections it passes.
        int positionsStart = _positions.Length;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            _minLength[f] = (ushort)Math.Min(_minLength[f], Math.Min(fieldLengths[f], ushort.MaxValue));
            var list = positions[f];
            if (list is null || list.Count == 0)
                continue;
            _positions.WriteVarInt(list.Count);
            int previous = 0;
            foreach (int p in list)
            {
                _positions.WriteVarInt(p - previous);
                previous = p;
            }
        }
        _positionLengths[_inBlock] = _positions.Length - positionsStart;
        _lastDoc = doc;
        DocFrequency++;
        if (++_inBlock == BlockSize)
            CloseBlock();
    }

    /// <summary>Closes the last, partial block; call once after the last <see cref="Add"/>.</summary>
    public void Finish()
    {
        if (_inBlock > 0)
            CloseBlock();
    }

    private void CloseBlock()
    {
        _blocks.Add(new BlockInfo(_lastDoc, _docs.Length, _blockPositionsStart, _maxTf, _minLength));
        if (_inBlock == BlockSize)
            WritePacked();
        else
            WriteVarInts();
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
        PackedInts.Write(_docs, _positionLengths);
    }

    /// <summary>A block too short to pack well (Lucene and tantivy write their tails as varints too).</summary>
    private void WriteVarInts()
    {
        for (int i = 0; i < _inBlock; i++)
        {
            _docs.WriteVarInt(_docDeltas[i]);
            _docs.WriteByte((byte)_masks[i]);
            for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
            {
                if ((_masks[i] & (1 << f)) != 0)
                    _docs.WriteVarInt(_tf[(i * IndexFields.ScoringFieldCount) + f]);
            }
            _docs.WriteVarInt(_positionLengths[i]);
        }
    }

    private static ushort[] NewMinLengths()
    {
        var lengths = new ushort[IndexFields.TextFieldCount];
        Array.Fill(lengths, ushort.MaxValue);
        return lengths;
    }
}
