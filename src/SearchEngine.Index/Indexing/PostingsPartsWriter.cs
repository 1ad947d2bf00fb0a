using SearchEngine.Index.Postings;
using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Encodes a segment's last five parts — terms, term index, docs, positions, blocks — from finished
/// <see cref="TermPostingsWriter"/>s handed over one term at a time in ordinal order. The terms part is the
/// block-indexed dictionary of <see cref="TermDictionaryWriter"/>, whose index (the blocks' first terms, all it holds
/// in memory) is written after it; the terms, docs, positions and blocks each go to a spool of their own (memory for
/// a flushed segment, a temporary file for a merge) because the dictionary precedes the postings in the file, and
/// <see cref="WriteTo"/> appends them in file order. A term's block score bounds (<see cref="BlockInfo"/>) are
/// computed here against the new segment's own field lengths, so the builder and the merger store the same bounds for
/// the same sections.
/// </summary>
internal sealed class PostingsPartsWriter : IDisposable
{
    private readonly Stream _terms;
    private readonly Stream _docs;
    private readonly Stream _positions;
    private readonly Stream _blocks;
    private readonly ByteWriter _buffer = new(1 << 12);
    private readonly Bm25F _allFields;
    private readonly int[] _fieldLengths;
    private readonly PostingsBlock _block = new();
    private readonly TermDictionaryWriter _dictionary;

    /// <param name="spool">Creates an empty read-write stream for one part.</param>
    /// <param name="averageLengths">The segment's average field lengths (stored in its section table).</param>
    /// <param name="fieldLengths">Whole-word token count per section and text field, row-major by section.</param>
    public PostingsPartsWriter(Func<Stream> spool, double[] averageLengths, int[] fieldLengths)
    {
        _terms = spool();
        _docs = spool();
        _positions = spool();
        _blocks = spool();
        _dictionary = new TermDictionaryWriter(_buffer);
        _allFields = new Bm25F(averageLengths, (1 << IndexFields.ScoringFieldCount) - 1);
        _fieldLengths = fieldLengths;
    }

    public int TermCount => _dictionary.Count;

    /// <summary>Adds a term and its postings (<see cref="TermPostingsWriter.Finish"/> called); terms come in ordinal order.</summary>
    public void Add(string term, TermPostingsWriter postings)
    {
        _dictionary.Add(term, postings.DocFrequency, postings.Docs.Length, postings.Positions.Length);
        Flush(_terms);
        _docs.Write(postings.Docs);
        _positions.Write(postings.Positions);
        if (BlockInfo.IsStored(postings.DocFrequency))
        {
            var maxPseudo = BlockMaxPseudo(postings);
            for (int i = 0; i < postings.Blocks.Count; i++)
            {
                var b = postings.Blocks[i];
                _buffer.WriteInt32(b.LastDoc);
                _buffer.WriteInt32(b.DocsOffset);
                _buffer.WriteInt32(b.PositionsOffset);
                _buffer.WriteBytes(b.MaxTf);
                foreach (ushort m in b.MinLength)
                    _buffer.WriteUInt16(m);
                _buffer.WriteFloat(maxPseudo[i]);
            }
            Flush(_blocks);
        }
    }

    /// <summary>Writes the parts Terms, TermIndex, Docs, Positions and Blocks, in that order, from the spools.</summary>
    public void WriteTo(SegmentFileWriter file)
    {
        file.BeginPart(SegmentFormat.Part.Terms);
        file.CopyFrom(_terms);
        file.BeginPart(SegmentFormat.Part.TermIndex);
        _dictionary.WriteIndex(_buffer);
        file.Write(_buffer);
        file.BeginPart(SegmentFormat.Part.Docs);
        file.CopyFrom(_docs);
        file.BeginPart(SegmentFormat.Part.Positions);
        file.CopyFrom(_positions);
        file.BeginPart(SegmentFormat.Part.Blocks);
        file.CopyFrom(_blocks);
    }

    private void Flush(Stream spool)
    {
        spool.Write(_buffer.Written);
        _buffer.Clear();
    }

    /// <summary>
    /// The largest all-fields pseudo-frequency of each block of a term, found by decoding its blocks once;
    /// stored rounded up so that it never understates.
    /// </summary>
    private float[] BlockMaxPseudo(TermPostingsWriter postings)
    {
        var maxima = new float[postings.Blocks.Count];
        Span<int> tf = stackalloc int[IndexFields.ScoringFieldCount];
        Span<byte> norms = stackalloc byte[IndexFields.TextFieldCount];
        for (int b = 0; b < maxima.Length; b++)
        {
            int count = Math.Min(TermPostingsWriter.BlockSize, postings.DocFrequency - (b * TermPostingsWriter.BlockSize));
            _block.Decode(postings.Docs, postings.Blocks[b].DocsOffset, count, b == 0 ? -1 : postings.Blocks[b - 1].LastDoc);
            _block.DecodeFrequencies(postings.Docs);
            for (int i = 0; i < count; i++)
            {
                _block.CopyFrequencies(i, tf);
                var lengths = _fieldLengths.AsSpan(_block.Docs[i] * IndexFields.TextFieldCount, IndexFields.TextFieldCount);
                for (int f = 0; f < norms.Length; f++)
                    norms[f] = LengthNorm.Encode(lengths[f]); // as a search reads them, so the maximum bounds its scores
                double pseudo = _allFields.PseudoFrequency(tf, norms);
                maxima[b] = Math.Max(maxima[b], MathF.BitIncrement((float)pseudo));
            }
        }
        return maxima;
    }

    public void Dispose()
    {
        _terms.Dispose();
        _docs.Dispose();
        _positions.Dispose();
        _blocks.Dispose();
    }
}
