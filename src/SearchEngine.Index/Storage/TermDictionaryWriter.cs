namespace SearchEngine.Index.Storage;

/// <summary>
/// Encodes a segment's terms part and term index part (<see cref="TermDictionary"/>): add the terms in ordinal order
/// with their postings' sizes, the docs, positions and block data written in the same order after the dictionary.
/// The terms part may be written a piece at a time (<see cref="Indexing.PostingsPartsWriter"/> spools it, emptying the
/// buffer after each term): block offsets count the bytes this writer has added, not the buffer's length. Only the
/// blocks' first terms are held, for the index written last.
/// </summary>
internal sealed class TermDictionaryWriter
{
    private readonly ByteWriter _terms;
    private long _length;
    private readonly List<(string FirstTerm, long Offset)> _blocks = [];
    private long _docs;
    private long _positions;
    private long _blockData;
    private string _previous = "";
    private bool _any;

    /// <summary>Writes the terms part into <paramref name="terms"/> from its current end.</summary>
    public TermDictionaryWriter(ByteWriter terms)
    {
        _terms = terms;
    }

    public int Count { get; private set; }

    public void Add(string term, int docFrequency, int docsLength, int positionsLength)
    {
        if (_any && string.CompareOrdinal(_previous, term) >= 0)
            throw new InvalidOperationException($"Terms must be added in ordinal order ('{term}' after '{_previous}').");
        int before = _terms.Length;
        int shared;
        if (Count % TermDictionary.BlockTerms == 0)
        {
            // A block restarts the front coding and says where its first term's postings lie, so a lookup reads it alone.
            _blocks.Add((term, _length));
            _terms.WriteInt64(_docs);
            _terms.WriteInt64(_positions);
            _terms.WriteInt64(_blockData);
            shared = 0;
        }
        else
        {
            shared = TermDictionary.SharedPrefix(_previous, term);
        }
        _terms.WriteVarInt(shared);
        TermDictionary.WriteSuffix(_terms, term.AsSpan(shared));
        _terms.WriteVarInt(docFrequency);
        _terms.WriteVarInt(docsLength);
        _terms.WriteVarInt(positionsLength);
        _docs += docsLength;
        _positions += positionsLength;
        _blockData += TermDictionary.BlockDataLength(docFrequency);
        _length += _terms.Length - before;
        _previous = term;
        _any = true;
        Count++;
    }

    /// <summary>Writes the term index part: the term count, the block count, and each block's first term and offset.</summary>
    public void WriteIndex(ByteWriter output)
    {
        output.WriteVarInt(Count);
        output.WriteVarInt(_blocks.Count);
        foreach (var (first, offset) in _blocks)
        {
            TermDictionary.WriteSuffix(output, first);
            output.WriteInt64(offset);
        }
    }
}
