using System.Buffers.Binary;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Iterates one term's postings in one segment: sections in increasing order with their per-field
/// frequencies, decoded a block at a time into reused arrays (<see cref="PostingsBlock"/>), skipping whole blocks
/// on <see cref="Advance"/>, and decoding positions only when asked.
/// </summary>
internal sealed class PostingsCursor
{
    public const int NoMoreDocs = int.MaxValue;

    private readonly SegmentData _data;
    private TermInfo _term;
    private bool _blocksStored;
    private readonly PostingsBlock _buffer = new();
    private int _block = -1;
    private int _index = -1;
    private int _blockPositions;
    private bool _tfCurrent;
    private readonly int[] _tf = new int[IndexFields.ScoringFieldCount];

    public PostingsCursor(SegmentReader segment, TermInfo term)
    {
        _data = segment.Data;
        _term = term;
        _blocksStored = BlockInfo.IsStored(term.DocFrequency);
    }

    /// <summary>
    /// Points the cursor, before its first section again, at another term of the same segment, keeping its decoding
    /// buffers: a merge reads every term of every source, and a new cursor (with the kilobytes of its block and
    /// positions buffers) per term and source was most of what a merge allocated.
    /// </summary>
    public void Reset(TermInfo term)
    {
        _term = term;
        _blocksStored = BlockInfo.IsStored(term.DocFrequency);
        _block = -1;
        _index = -1;
        _tfCurrent = false;
        Doc = -1;
    }

    /// <summary>The current section, -1 before the first call, <see cref="NoMoreDocs"/> after the last.</summary>
    public int Doc { get; private set; } = -1;

    /// <summary>Term frequency per scoring field at the current section (decoded for the block when first asked).</summary>
    public int[] Tf
    {
        get
        {
            if (!_tfCurrent && _index >= 0)
            {
                _buffer.ReadFrequencies(TermDocs, _index, _tf);
                _tfCurrent = true;
            }
            return _tf;
        }
    }

    /// <summary>Bit f set when scoring field f has the term at the current section.</summary>
    public int Mask => _index < 0 ? 0 : _buffer.MaskAt(TermDocs, _index);

    public int DocFrequency => _term.DocFrequency;

    public int NextDoc()
    {
        int next = _index + 1;
        if (_block < 0 || next >= _buffer.Count)
        {
            if (_block + 1 >= _term.BlockCount)
                return Doc = NoMoreDocs;
            Load(_block + 1);
            next = 0;
        }
        return MoveTo(next);
    }

    /// <summary>Moves to the first section ≥ <paramref name="target"/>, jumping over blocks that end before it.</summary>
    public int Advance(int target)
    {
        if (Doc >= target)
            return Doc;
        if (_block >= 0 && target <= _buffer.Docs[_buffer.Count - 1])
        {
            // Within the decoded block, as most steps of a conjunction of common words are.
            int at = _index + 1;
            while (_buffer.Docs[at] < target)
                at++;
            return MoveTo(at);
        }
        int block = Math.Max(_block, 0);
        while (block < _term.BlockCount && BlockLastDoc(block) < target)
            block++;
        if (block >= _term.BlockCount)
            return Doc = NoMoreDocs;
        if (block != _block)
            Load(block);
        // The block's last section is ≥ target (unless the term stores no blocks), so the scan stops inside it.
        int i = _index + 1;
        while (i < _buffer.Count && _buffer.Docs[i] < target)
            i++;
        return i < _buffer.Count ? MoveTo(i) : (Doc = NoMoreDocs);
    }

    /// <summary>Decodes a whole block; its first delta is relative to the previous block's last section.</summary>
    private void Load(int block)
    {
        int count = Math.Min(TermPostingsWriter.BlockSize, _term.DocFrequency - (block * TermPostingsWriter.BlockSize));
        _buffer.Decode(TermDocs, BlockInt(block, 4), count, block == 0 ? -1 : BlockLastDoc(block - 1));
        _blockPositions = BlockInt(block, 8);
        _block = block;
        _index = -1;
    }

    private int MoveTo(int index)
    {
        _index = index;
        _tfCurrent = false;
        return Doc = _buffer.Docs[index];
    }

    /// <summary>The positions of the term in a text field at the current section (empty if none).</summary>
    public void ReadPositions(IndexField field, List<int> output)
    {
        output.Clear();
        int f = (int)field, mask = Mask;
        if ((mask & PostingsBlock.TextFieldBits(f)) == 0)
            return;
        if (_buffer.Count == TermPostingsWriter.BlockSize)
        {
            _buffer.ReadPositions(TermDocs, TermPositions, _blockPositions, _index, f, output);
            return;
        }
        var r = new ByteReader(TermPositions, _blockPositions + _buffer.PositionStarts[_index]);
        for (int g = 0; g < IndexFields.TextFieldCount; g++)
        {
            if ((mask & PostingsBlock.TextFieldBits(g)) == 0)
                continue;
            int count = r.ReadVarInt();
            int position = 0;
            for (int i = 0; i < count; i++)
            {
                position += r.ReadVarInt();
                if (g == f)
                    output.Add(position);
            }
            if (g == f)
                return;
        }
    }

    /// <summary>Largest frequency of scoring field <paramref name="field"/> in the block holding the current section.</summary>
    public int BlockMaxTf(int block, int field) => !_blocksStored ? byte.MaxValue : BlockData(block)[12 + field];

    /// <summary>Smallest length of text field <paramref name="field"/> in a block.</summary>
    public int BlockMinLength(int block, int field) => !_blocksStored ? 0 :
        BinaryPrimitives.ReadUInt16LittleEndian(BlockData(block)[(12 + IndexFields.ScoringFieldCount + (2 * field))..]);

    /// <summary>The block's largest all-fields pseudo-frequency, against the segment's average lengths.</summary>
    public float BlockMaxPseudo(int block) => !_blocksStored ? float.MaxValue :
        BinaryPrimitives.ReadSingleLittleEndian(BlockData(block)[BlockInfo.MaxPseudoOffset..]);

    public int BlockCount => _term.BlockCount;

    /// <summary>The block that holds (or would hold) the current section: the decoded one, or the last after the end.</summary>
    public int CurrentBlock => Doc == NoMoreDocs ? _term.BlockCount - 1 : Math.Max(_block, 0);

    /// <summary>The last section of a block; <see cref="NoMoreDocs"/> when the term stores no blocks (it has one).</summary>
    public int BlockLastDoc(int block) => !_blocksStored ? NoMoreDocs : BlockInt(block, 0);

    private int BlockInt(int block, int offset) => !_blocksStored ? 0 : BinaryPrimitives.ReadInt32LittleEndian(BlockData(block)[offset..]);

    /// <summary>The term's docs stream; block offsets and positions within it are relative to its start.</summary>
    private ReadOnlySpan<byte> TermDocs => _data.Span(_term.DocsStart, _term.DocsLength);

    /// <summary>The term's positions stream.</summary>
    private ReadOnlySpan<byte> TermPositions => _data.Span(_term.PositionsStart, _term.PositionsLength);

    /// <summary>The skip and score data of one block of the term.</summary>
    private ReadOnlySpan<byte> BlockData(int block) => _data.Span(_term.BlocksStart + ((long)block * BlockInfo.EncodedSize), BlockInfo.EncodedSize);
}
