using System.Buffers.Binary;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// An open, immutable segment: the whole file in memory, verified by its checksum, with its term dictionary,
/// section table and facet columns decoded at open. Thread-safe: nothing changes after construction.
/// </summary>
internal sealed class SegmentReader
{
    private readonly byte[] _data;
    private readonly int[] _documentStarts;
    private long _documentReads;
    private long _chunkReads;
    private readonly string[] _documentIds;
    private readonly int _documentBlob;
    private readonly Dictionary<string, TermInfo> _terms;

    public SegmentReader(string name, byte[] data)
    {
        Name = name;
        _data = data;
        var offsets = ReadFooter(name, data);
        var r = new ByteReader(data, 0);
        if (unchecked((uint)r.ReadInt32()) != SegmentFormat.HeaderMagic)
            throw new InvalidDataException($"Segment '{name}' is not a segment file (bad header).");
        int version = r.ReadInt32();
        if (version != SegmentFormat.Version)
            throw new IndexFormatException($"Segment '{name}' has format {version}; this build reads {SegmentFormat.Version}.");

        r.Position = (int)offsets[(int)SegmentFormat.Part.Documents];
        DocumentCount = r.ReadVarInt();
        _documentIds = new string[DocumentCount];
        for (int i = 0; i < DocumentCount; i++)
            _documentIds[i] = r.ReadRequiredString();
        _documentStarts = new int[DocumentCount + 1];
        for (int i = 0; i <= DocumentCount; i++)
            _documentStarts[i] = r.ReadInt32();
        _documentBlob = r.Position;

        r.Position = (int)offsets[(int)SegmentFormat.Part.Sections];
        SectionCount = r.ReadVarInt();
        SectionDocument = new int[SectionCount];
        FieldLengths = new int[SectionCount * IndexFields.TextFieldCount];
        for (int s = 0; s < SectionCount; s++)
        {
            SectionDocument[s] = r.ReadInt32();
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
            {
                FieldLengths[(s * IndexFields.TextFieldCount) + f] = r.ReadInt32();
            }
        }
        BuildAverageLengths = new double[IndexFields.TextFieldCount];
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
            BuildAverageLengths[f] = BitConverter.Int64BitsToDouble(r.ReadInt64());
        FirstSection = new int[DocumentCount + 1];
        for (int s = SectionCount - 1; s >= 0; s--)
            FirstSection[SectionDocument[s]] = s;
        FirstSection[DocumentCount] = SectionCount;

        r.Position = (int)offsets[(int)SegmentFormat.Part.DocValues];
        Values = DocValues.Read(ref r, DocumentCount, SectionCount);

        r.Position = (int)offsets[(int)SegmentFormat.Part.Terms];
        int termCount = r.ReadVarInt();
        _terms = new Dictionary<string, TermInfo>(termCount, StringComparer.Ordinal);
        SortedTerms = new string[termCount];
        int docs = (int)offsets[(int)SegmentFormat.Part.Docs];
        int positions = (int)offsets[(int)SegmentFormat.Part.Positions];
        int blocks = (int)offsets[(int)SegmentFormat.Part.Blocks];
        string previous = "";
        for (int t = 0; t < termCount; t++)
        {
            int shared = r.ReadVarInt();
            string term = previous[..shared] + TermDictionary.ReadSuffix(ref r);
            int df = r.ReadVarInt();
            int docsLength = r.ReadVarInt();
            int positionsLength = r.ReadVarInt();
            int blockCount = TermDictionary.BlockCount(df);
            _terms[term] = new TermInfo(df, docs, docsLength, positions, blocks, blockCount);
            SortedTerms[t] = term;
            docs += docsLength;
            positions += positionsLength;
            if (Postings.BlockInfo.IsStored(df))
                blocks += blockCount * Postings.BlockInfo.EncodedSize;
            previous = term;
        }
    }

    public string Name { get; }

    public byte[] Data => _data;

    public int DocumentCount { get; }

    public int SectionCount { get; }

    /// <summary>The document ordinal of each section.</summary>
    public int[] SectionDocument { get; }

    /// <summary>The first section ordinal of each document (and SectionCount at the end).</summary>
    public int[] FirstSection { get; }

    /// <summary>Whole-word token count per section and text field, row-major by section.</summary>
    public int[] FieldLengths { get; }

    /// <summary>The average field lengths the block pseudo-frequency maxima were computed with.</summary>
    public double[] BuildAverageLengths { get; }

    public DocValues Values { get; }

    /// <summary>All terms in ordinal order, for prefix completion.</summary>
    public string[] SortedTerms { get; }

    public bool TryGetTerm(string term, out TermInfo info) => _terms.TryGetValue(term, out info);

    /// <summary>
    /// The terms starting with <paramref name="prefix"/> (all by default) with where their postings lie, in ordinal
    /// order. Merges read a segment's terms only through this.
    /// </summary>
    public IEnumerable<(string Term, TermInfo Info)> EnumerateTerms(string prefix = "")
    {
        int at = Array.BinarySearch(SortedTerms, prefix, StringComparer.Ordinal);
        for (int t = at < 0 ? ~at : at; t < SortedTerms.Length && SortedTerms[t].StartsWith(prefix, StringComparison.Ordinal); t++)
            yield return (SortedTerms[t], _terms[SortedTerms[t]]);
    }

    /// <summary>Opens the segment file at <paramref name="path"/> (verified like any segment).</summary>
    public static SegmentReader Open(string name, string path) => new(name, File.ReadAllBytes(path));

    /// <summary>The byte length of a document's stored entry (head and compressed texts), as a merge copies it.</summary>
    public long StoredLength(int docOrd) => _documentStarts[docOrd + 1] - _documentStarts[docOrd];

    /// <summary>
    /// Copies a document's stored entry as it lies in the file, still compressed: its chunk offsets are relative to
    /// the entry, so the bytes are valid at any place in another segment.
    /// </summary>
    public void CopyStored(int docOrd, SegmentFileWriter output) =>
        output.Write(_data.AsSpan(_documentBlob + _documentStarts[docOrd], _documentStarts[docOrd + 1] - _documentStarts[docOrd]));

    /// <summary>The id of a document, without decoding its record.</summary>
    public string DocumentId(int docOrd) => _documentIds[docOrd];

    /// <summary>How many stored document heads were decompressed and decoded (tests check that a search reads each once).</summary>
    internal long DocumentReads => Interlocked.Read(ref _documentReads);

    /// <summary>How many chunks of stored text were decompressed (tests check that a page reads only its own).</summary>
    internal long ChunkReads => Interlocked.Read(ref _chunkReads);

    internal void CountChunkRead() => Interlocked.Increment(ref _chunkReads);

    private string[]? _titles;

    /// <summary>
    /// Every document's title, read from the stored heads once for the life of the segment (segments never change):
    /// suggestions look titles up on every keystroke.
    /// </summary>
    public string[] Titles => LazyInitializer.EnsureInitialized(ref _titles, () =>
        [.. Enumerable.Range(0, DocumentCount).Select(d => OpenDocument(d).Outline.Title)]);

    /// <summary>A stored document's head; its section texts are read when asked for.</summary>
    public StoredDocument OpenDocument(int docOrd)
    {
        Interlocked.Increment(ref _documentReads);
        int at = _documentBlob + _documentStarts[docOrd];
        return new StoredDocument(this, _data.AsSpan(at, _documentStarts[docOrd + 1] - _documentStarts[docOrd]), at);
    }

    /// <summary>A stored document with every section's text.</summary>
    public DocumentRecord ReadDocument(int docOrd) => OpenDocument(docOrd).ReadAll();

    /// <summary>Null when the file is a complete segment of this format (header, footer, checksum), else what is wrong.</summary>
    public static string? Check(string name, byte[] data)
    {
        try
        {
            ReadFooter(name, data);
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(data) != SegmentFormat.HeaderMagic || BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4)) != SegmentFormat.Version)
            return $"Segment '{name}' is not a segment file of format {SegmentFormat.Version}.";
        return null;
    }

    /// <summary>Reads and verifies the footer; returns the part offsets.</summary>
    private static long[] ReadFooter(string name, byte[] data)
    {
        int footer = data.Length - SegmentFormat.FooterSize;
        if (footer < 8 || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4)) != SegmentFormat.FooterMagic)
            throw new InvalidDataException($"Segment '{name}' is truncated (no footer); it was not completely written.");
        var offsets = new long[SegmentFormat.PartCount];
        for (int i = 0; i < offsets.Length; i++)
            offsets[i] = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(footer + (i * 8)));
        long contentLength = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(footer + (offsets.Length * 8)));
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(footer + (offsets.Length * 8) + 8));
        if (contentLength != footer || Crc32.Compute(data.AsSpan(0, footer)) != crc)
            throw new InvalidDataException($"Segment '{name}' fails its checksum; the file is corrupt.");
        return offsets;
    }
}
