using System.Buffers;
using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>
/// A segment's term dictionary, searched where it lies in the segment file instead of decoded at open. The terms
/// part holds the terms in ordinal order in blocks of <see cref="BlockTerms"/>; a block starts with where its first
/// term's docs, positions and block data lie (three longs, relative to the start of their parts), then each term as
/// the length of the prefix it shares with the term before in the block (UTF-16 units, never splitting a surrogate
/// pair; 0 for the block's first), its UTF-8 suffix, its document frequency and the byte lengths of its docs and
/// positions (the next term's postings follow). The term index part holds the term count, the block count and each
/// block's first term and offset in the terms part; only that index is held in memory, so a lookup is a binary
/// search over the blocks' first terms and a scan of one block. Thread-safe: nothing changes after construction.
/// </summary>
internal sealed class TermDictionary
{
    /// <summary>Terms per block: a lookup decodes at most this many front-coded entries.</summary>
    public const int BlockTerms = 64;

    private readonly SegmentData _data;
    private readonly long _termsStart;
    private readonly long _docsStart;
    private readonly long _positionsStart;
    private readonly long _blocksStart;
    private readonly string[] _firstTerms;

    /// <summary>Where each block starts, from the start of the terms part, and where the last ends.</summary>
    private readonly long[] _blockOffsets;

    public TermDictionary(SegmentData data, long termsStart, long termsEnd, long indexStart, long indexEnd, long docsStart, long positionsStart, long blocksStart)
    {
        _data = data;
        _termsStart = termsStart;
        _docsStart = docsStart;
        _positionsStart = positionsStart;
        _blocksStart = blocksStart;
        var r = new ByteReader(data.Span(indexStart, checked((int)(indexEnd - indexStart))));
        Count = r.ReadVarInt();
        int blocks = r.ReadVarInt();
        if (blocks != (Count + BlockTerms - 1) / BlockTerms)
            throw new InvalidDataException($"The term index holds {blocks} blocks for {Count} terms: the segment is corrupt.");
        _firstTerms = new string[blocks];
        _blockOffsets = new long[blocks + 1];
        for (int b = 0; b < blocks; b++)
        {
            _firstTerms[b] = ReadSuffix(ref r);
            _blockOffsets[b] = r.ReadInt64();
        }
        _blockOffsets[blocks] = termsEnd - termsStart;
    }

    /// <summary>How many terms the segment holds.</summary>
    public int Count { get; }

    public bool TryGet(string term, out TermInfo info)
    {
        info = default;
        int block = BlockAtOrBefore(term);
        if (block < 0)
            return false;
        var r = new ByteReader(BlockBytes(block));
        var postings = ReadBlockStart(ref r);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(64, term.Length * 2));
        try
        {
            int length = 0;
            for (int t = 0, n = TermsIn(block); t < n; t++)
            {
                int shared = r.ReadVarInt();
                var suffix = r.ReadBytes(r.ReadVarInt());
                if (shared > length)
                    throw new InvalidDataException("A term shares more characters than the term before it has: the segment is corrupt.");
                if (buffer.Length < shared + suffix.Length)
                    Grow(ref buffer, shared + suffix.Length);
                length = shared + Encoding.UTF8.GetChars(suffix, buffer.AsSpan(shared));
                var entry = ReadEntry(ref r, ref postings);
                int order = buffer.AsSpan(0, length).SequenceCompareTo(term);
                if (order == 0)
                {
                    info = entry;
                    return true;
                }
                if (order > 0)
                    return false;
            }
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
            GC.KeepAlive(_data); // the block was read through a span of the map, which does not keep it mapped
        }
    }

    /// <summary>The terms that start with <paramref name="prefix"/> (all for ""), in ordinal order, with where their postings lie.</summary>
    public IEnumerable<(string Term, TermInfo Info)> Enumerate(string prefix = "")
    {
        var terms = new List<(string Term, TermInfo Info)>(BlockTerms);
        for (int block = Math.Max(0, BlockAtOrBefore(prefix)); block < _firstTerms.Length; block++)
        {
            terms.Clear();
            DecodeBlock(block, terms);
            foreach (var entry in terms)
            {
                if (entry.Term.StartsWith(prefix, StringComparison.Ordinal))
                    yield return entry;
                else if (string.CompareOrdinal(entry.Term, prefix) > 0)
                    yield break; // past every term with the prefix
            }
        }
    }

    private void DecodeBlock(int block, List<(string Term, TermInfo Info)> output)
    {
        var r = new ByteReader(BlockBytes(block));
        var postings = ReadBlockStart(ref r);
        string previous = "";
        for (int t = 0, n = TermsIn(block); t < n; t++)
        {
            int shared = r.ReadVarInt();
            if (shared > previous.Length)
                throw new InvalidDataException("A term shares more characters than the term before it has: the segment is corrupt.");
            string term = string.Concat(previous.AsSpan(0, shared), ReadSuffix(ref r));
            output.Add((term, ReadEntry(ref r, ref postings)));
            previous = term;
        }
    }

    /// <summary>The last block whose first term is at or before <paramref name="term"/>; -1 when the term precedes every block.</summary>
    private int BlockAtOrBefore(string term)
    {
        int lo = 0, hi = _firstTerms.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_firstTerms[mid], term) <= 0)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int TermsIn(int block) => Math.Min(BlockTerms, Count - (block * BlockTerms));

    private ReadOnlySpan<byte> BlockBytes(int block) =>
        _data.Span(_termsStart + _blockOffsets[block], checked((int)(_blockOffsets[block + 1] - _blockOffsets[block])));

    /// <summary>The absolute offsets of the block's first term's docs, positions and block data.</summary>
    private (long Docs, long Positions, long Blocks) ReadBlockStart(ref ByteReader r) =>
        (_docsStart + r.ReadInt64(), _positionsStart + r.ReadInt64(), _blocksStart + r.ReadInt64());

    /// <summary>Reads a term's frequency and lengths; moves <paramref name="postings"/> on to the next term's.</summary>
    private static TermInfo ReadEntry(ref ByteReader r, ref (long Docs, long Positions, long Blocks) postings)
    {
        int df = r.ReadVarInt();
        int docsLength = r.ReadVarInt();
        int positionsLength = r.ReadVarInt();
        int blockCount = BlockCount(df);
        var info = new TermInfo(df, postings.Docs, docsLength, postings.Positions, positionsLength, postings.Blocks, blockCount);
        postings = (postings.Docs + docsLength, postings.Positions + positionsLength, postings.Blocks + BlockDataLength(df));
        return info;
    }

    private static void Grow(ref char[] buffer, int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(needed);
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }

    /// <summary>How many blocks a term of <paramref name="docFrequency"/> postings has (the last may be short).</summary>
    public static int BlockCount(int docFrequency) =>
        (docFrequency + Postings.TermPostingsWriter.BlockSize - 1) / Postings.TermPostingsWriter.BlockSize;

    /// <summary>The bytes of block data a term of <paramref name="docFrequency"/> postings has in the blocks part.</summary>
    public static long BlockDataLength(int docFrequency) =>
        Postings.BlockInfo.IsStored(docFrequency) ? (long)BlockCount(docFrequency) * Postings.BlockInfo.EncodedSize : 0;

    /// <summary>The prefix <paramref name="term"/> may take from <paramref name="previous"/>, ending on a whole character.</summary>
    public static int SharedPrefix(string previous, string term)
    {
        int shared = previous.AsSpan().CommonPrefixLength(term);
        // A suffix starting with a lone low surrogate would not survive UTF-8.
        if (shared > 0 && char.IsHighSurrogate(term[shared - 1]))
            shared--;
        return shared;
    }

    public static void WriteSuffix(ByteWriter output, ReadOnlySpan<char> suffix)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(suffix)];
        Encoding.UTF8.GetBytes(suffix, bytes);
        output.WriteVarInt(bytes.Length);
        output.WriteBytes(bytes);
    }

    public static string ReadSuffix(ref ByteReader input) => Encoding.UTF8.GetString(input.ReadBytes(input.ReadVarInt()));
}
