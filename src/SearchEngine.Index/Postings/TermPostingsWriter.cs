using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Accumulates one term's postings while a segment is built: for each section (in increasing order) the
/// frequency in each scoring field and the positions in each text field, encoded as it goes, with block data
/// every <see cref="BlockSize"/> postings. Docs stream, per section: varint doc delta, field mask byte, varint
/// tf per set field, varint byte length of its positions. Positions stream, per section and per text field that
/// has the term: varint count, varint deltas.
/// </summary>
internal sealed class TermPostingsWriter
{
    public const int BlockSize = 128;

    private readonly ByteWriter _docs = new(16);
    private readonly ByteWriter _positions = new(16);
    private readonly ByteWriter _docPositions = new(64);
    private readonly List<BlockInfo> _blocks = [];
    private int _lastDoc = -1;
    private int _inBlock;
    private int _blockDocsStart, _blockPositionsStart;
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
        {
            _blockDocsStart = _docs.Length;
            _blockPositionsStart = _positions.Length;
        }
        _docs.WriteVarInt(doc - _lastDoc);
        byte mask = 0;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if (tf[f] > 0)
                mask |= (byte)(1 << f);
        }
        _docs.WriteByte(mask);
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if (tf[f] <= 0)
                continue;
            _docs.WriteVarInt(tf[f]);
            _maxTf[f] = (byte)Math.Max(_maxTf[f], Math.Min(tf[f], 255));
        }
        // Positions go to their own stream (a query without phrases never reads them); the docs stream records
        // their length so a cursor can step over the positions of sections it passes.
        _docPositions.Clear();
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            _minLength[f] = (ushort)Math.Min(_minLength[f], Math.Min(fieldLengths[f], ushort.MaxValue));
            var list = positions[f];
            if (list is null || list.Count == 0)
                continue;
            _docPositions.WriteVarInt(list.Count);
            int previous = 0;
            foreach (int p in list)
            {
                _docPositions.WriteVarInt(p - previous);
                previous = p;
            }
        }
        _docs.WriteVarInt(_docPositions.Length);
        _positions.WriteBytes(_docPositions.Written);
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
        _blocks.Add(new BlockInfo(_lastDoc, _blockDocsStart, _blockPositionsStart, _maxTf, _minLength));
        _maxTf = new byte[IndexFields.ScoringFieldCount];
        _minLength = NewMinLengths();
        _inBlock = 0;
    }

    private static ushort[] NewMinLengths()
    {
        var lengths = new ushort[IndexFields.TextFieldCount];
        Array.Fill(lengths, ushort.MaxValue);
        return lengths;
    }
}
