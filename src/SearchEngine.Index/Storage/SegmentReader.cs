using System.Buffers.Binary;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// An open, immutable segment, read through a memory map of its file (<see cref="SegmentData"/>), verified by its
/// checksum at open. Decoded at open and held in memory are only what scales with documents and sections: document ids
/// and where each stored document starts, the section table and a byte per field length (<see cref="Norms"/>), and the facet columns (a few ints per
/// section); the term dictionary stays in the file and is searched there (<see cref="TermDictionary"/>, whose block
/// index of one term in <see cref="TermDictionary.BlockTerms"/> is all it keeps), and postings and stored documents are
/// read from the map when a search asks. Thread-safe: nothing changes after construction.
/// </summary>
/// <remarks>
/// The reader owns its map and never unmaps it while reachable: snapshots share readers without counting references,
/// and a search may still read a segment that a merge has replaced (its file already deleted, which Linux allows
/// while it is mapped). The map is released by the finalizer of <see cref="SegmentData"/> once nothing can reach the
/// reader, or by <see cref="Dispose"/> for a reader that was never shared (tests, a failed open).
/// </remarks>
internal sealed class SegmentReader : IDisposable
{
    private readonly SegmentData _data;
    private readonly long[] _documentStarts;
    private long _documentReads;
    private long _chunkReads;
    private readonly string[] _documentIds;
    private readonly long _documentBlob;
    private readonly TermDictionary _terms;

    private SegmentReader(string name, SegmentData data, long[] offsets)
    {
        Name = name;
        _data = data;
        var header = new ByteReader(data.Span(0, 8));
        if (unchecked((uint)header.ReadInt32()) != SegmentFormat.HeaderMagic)
            throw new InvalidDataException($"Segment '{name}' is not a segment file (bad header).");
        int version = header.ReadInt32();
        if (version != SegmentFormat.Version)
            throw new IndexFormatException($"Segment '{name}' has format {version}; this build reads {SegmentFormat.Version}.");

        // The documents part: ids and starts, then the stored documents (which may pass 2 GB; the starts do not).
        long documents = offsets[(int)SegmentFormat.Part.Documents];
        var r = new ByteReader(data.From(documents));
        DocumentCount = r.ReadVarInt();
        _documentIds = new string[DocumentCount];
        for (int i = 0; i < DocumentCount; i++)
            _documentIds[i] = r.ReadRequiredString();
        _documentStarts = new long[DocumentCount + 1];
        for (int i = 0; i <= DocumentCount; i++)
            _documentStarts[i] = r.ReadInt64();
        _documentBlob = documents + r.Position;

        r = new ByteReader(Part(offsets, SegmentFormat.Part.Sections));
        SectionCount = r.ReadVarInt();
        _sectionRows = offsets[(int)SegmentFormat.Part.Sections] + r.Position;
        SectionDocument = new int[SectionCount];
        Norms = new byte[SectionCount * IndexFields.TextFieldCount];
        for (int s = 0; s < SectionCount; s++)
        {
            SectionDocument[s] = r.ReadInt32();
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
                Norms[(s * IndexFields.TextFieldCount) + f] = Search.LengthNorm.Encode(r.ReadInt32());
        }
        BuildAverageLengths = new double[IndexFields.TextFieldCount];
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
            BuildAverageLengths[f] = BitConverter.Int64BitsToDouble(r.ReadInt64());
        FirstSection = new int[DocumentCount + 1];
        for (int s = SectionCount - 1; s >= 0; s--)
            FirstSection[SectionDocument[s]] = s;
        FirstSection[DocumentCount] = SectionCount;

        r = new ByteReader(Part(offsets, SegmentFormat.Part.DocValues));
        Values = DocValues.Read(ref r, DocumentCount, SectionCount);

        _terms = new TermDictionary(data,
            offsets[(int)SegmentFormat.Part.Terms], offsets[(int)SegmentFormat.Part.TermIndex],
            offsets[(int)SegmentFormat.Part.TermIndex], offsets[(int)SegmentFormat.Part.Docs],
            offsets[(int)SegmentFormat.Part.Docs], offsets[(int)SegmentFormat.Part.Positions], offsets[(int)SegmentFormat.Part.Blocks]);
    }

    /// <summary>
    /// Opens the segment file at <paramref name="path"/>: verifies its checksum by streaming the file (not through
    /// the map, so the check leaves no pages in the process's memory), unless <paramref name="checksumVerified"/>
    /// says this process has just done so (opening the commit, or writing the file), then maps it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is truncated, corrupt or not a segment.</exception>
    /// <exception cref="IndexFormatException">The segment has another format version.</exception>
    public static SegmentReader Open(string name, string path, bool checksumVerified = false)
    {
        var offsets = ReadFooter(name, path, verify: !checksumVerified, out _);
        var data = SegmentData.Map(path);
        try
        {
            return new SegmentReader(name, data, offsets);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>A part with less than 2 GB of bytes (all but the documents, docs and positions parts are small).</summary>
    private ReadOnlySpan<byte> Part(long[] offsets, SegmentFormat.Part part) =>
        _data.Span(offsets[(int)part], checked((int)(offsets[(int)part + 1] - offsets[(int)part])));

    public string Name { get; }

    /// <summary>The segment file's bytes. A span read from it is valid while this reader is held (see <see cref="SegmentData"/>).</summary>
    public SegmentData Data => _data;

    public int DocumentCount { get; }

    public int SectionCount { get; }

    /// <summary>The document ordinal of each section.</summary>
    public int[] SectionDocument { get; }

    /// <summary>The first section ordinal of each document (and SectionCount at the end).</summary>
    public int[] FirstSection { get; }

    /// <summary>
    /// Per section and text field, row-major by section, the code of its whole-word token count as scoring reads it
    /// (<see cref="Search.LengthNorm"/>). The exact counts stay in the file (<see cref="ReadLengths"/>).
    /// </summary>
    public byte[] Norms { get; }

    /// <summary>Where the section table's rows start in the file: per section its document and four lengths, 20 bytes.</summary>
    private readonly long _sectionRows;

    private const int SectionRowSize = 4 * (1 + IndexFields.TextFieldCount);

    /// <summary>
    /// The exact whole-word length of each text field of <paramref name="section"/>, read from the file: merges copy
    /// them and averages sum them, while a search reads only <see cref="Norms"/>.
    /// </summary>
    public void ReadLengths(int section, Span<int> lengths)
    {
        var row = _data.Span(_sectionRows + ((long)section * SectionRowSize) + 4, SectionRowSize - 4);
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
            lengths[f] = BinaryPrimitives.ReadInt32LittleEndian(row[(4 * f)..]);
    }

    private double[]? _fieldLengthTotals;

    /// <summary>Each text field's length summed over every section, deleted or not (snapshots subtract their deletions).</summary>
    public double[] FieldLengthTotals => LazyInitializer.EnsureInitialized(ref _fieldLengthTotals, () =>
    {
        var totals = new double[IndexFields.TextFieldCount];
        Span<int> lengths = stackalloc int[IndexFields.TextFieldCount];
        for (int s = 0; s < SectionCount; s++)
        {
            ReadLengths(s, lengths);
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
                totals[f] += lengths[f];
        }
        return totals;
    });

    /// <summary>The average field lengths the block pseudo-frequency maxima were computed with.</summary>
    public double[] BuildAverageLengths { get; }

    public DocValues Values { get; }

    /// <summary>How many distinct terms the segment holds.</summary>
    public int TermCount => _terms.Count;

    public bool TryGetTerm(string term, out TermInfo info) => _terms.TryGet(term, out info);

    /// <summary>
    /// The terms that start with <paramref name="prefix"/> (every term for ""), in ordinal order
    /// (<see cref="StringComparer.Ordinal"/>), with where their postings lie; read from the file block by block.
    /// Merges read a segment's terms only through this (<see cref="Indexing.SegmentMerger"/>).
    /// </summary>
    public IEnumerable<(string Term, TermInfo Info)> EnumerateTerms(string prefix = "") => _terms.Enumerate(prefix);

    /// <summary>The byte length of a document's stored entry (head and compressed texts), as a merge copies it.</summary>
    public long StoredLength(int docOrd) => _documentStarts[docOrd + 1] - _documentStarts[docOrd];

    /// <summary>
    /// Copies a document's stored entry as it lies in the file, still compressed: its chunk offsets are relative to
    /// the entry, so the bytes are valid at any place in another segment.
    /// </summary>
    public void CopyStored(int docOrd, SegmentFileWriter output)
    {
        output.Write(_data.Span(_documentBlob + _documentStarts[docOrd], checked((int)StoredLength(docOrd))));
        GC.KeepAlive(this); // the span points into the map, which must stay mapped while it is written
    }

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
        long at = _documentBlob + _documentStarts[docOrd];
        return new StoredDocument(this, _data.Span(at, checked((int)(_documentStarts[docOrd + 1] - _documentStarts[docOrd]))), at);
    }

    /// <summary>A stored document with every section's text.</summary>
    public DocumentRecord ReadDocument(int docOrd) => OpenDocument(docOrd).ReadAll();

    /// <summary>Unmaps the file; only for a reader no snapshot or search can reach (see the class remarks).</summary>
    public void Dispose() => _data.Dispose();

    /// <summary>
    /// Null when the file is a complete segment of this format (header, footer, length and, when
    /// <paramref name="verifyChecksum"/>, the checksum of every byte), else what is wrong.
    /// </summary>
    public static string? Check(string name, string path, bool verifyChecksum = true)
    {
        try
        {
            ReadFooter(name, path, verifyChecksum, out bool currentFormat);
            return currentFormat ? null : $"Segment '{name}' is not a segment file of format {SegmentFormat.Version}.";
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    /// <summary>Streamed through the CRC, so a large segment is checked without holding it.</summary>
    private const int CheckBufferSize = 1 << 20;

    /// <summary>
    /// Reads the header and footer of the file and, when <paramref name="verify"/>, its checksum by streaming it (the
    /// CRC-32 of <see cref="System.IO.Hashing.Crc32"/>, the polynomial of <see cref="Crc32"/>); returns the part offsets
    /// and the content length at the end, and whether the header is a segment's of this format.
    /// </summary>
    private static long[] ReadFooter(string name, string path, bool verify, out bool currentFormat)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        long footer = file.Length - SegmentFormat.FooterSize;
        Span<byte> tail = stackalloc byte[SegmentFormat.FooterSize];
        if (footer < 8 || RandomAccess.Read(file.SafeFileHandle, tail, footer) != tail.Length || BinaryPrimitives.ReadUInt32LittleEndian(tail[^4..]) != SegmentFormat.FooterMagic)
            throw new InvalidDataException($"Segment '{name}' is truncated (no footer); it was not completely written.");
        var offsets = new long[SegmentFormat.PartCount + 1];
        for (int i = 0; i < SegmentFormat.PartCount; i++)
            offsets[i] = BinaryPrimitives.ReadInt64LittleEndian(tail[(i * 8)..]);
        long contentLength = BinaryPrimitives.ReadInt64LittleEndian(tail[(SegmentFormat.PartCount * 8)..]);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(tail[((SegmentFormat.PartCount * 8) + 8)..]);
        offsets[SegmentFormat.PartCount] = contentLength;
        if (contentLength != footer)
            throw new InvalidDataException($"Segment '{name}' fails its checksum; the file is corrupt.");
        if (verify && Checksum(file.SafeFileHandle, footer) != crc)
            throw new InvalidDataException($"Segment '{name}' fails its checksum; the file is corrupt.");
        Span<byte> header = stackalloc byte[8];
        if (RandomAccess.Read(file.SafeFileHandle, header, 0) != header.Length)
            throw new InvalidDataException($"Segment '{name}' is truncated (no header).");
        currentFormat = BinaryPrimitives.ReadUInt32LittleEndian(header) == SegmentFormat.HeaderMagic && BinaryPrimitives.ReadInt32LittleEndian(header[4..]) == SegmentFormat.Version;
        for (int i = 0; i < SegmentFormat.PartCount; i++)
        {
            if (offsets[i] < 8 || offsets[i] > offsets[i + 1])
                throw new InvalidDataException($"Segment '{name}' has part offsets out of order; the file is corrupt.");
        }
        return offsets;
    }

    /// <summary>The CRC-32 of the file's first <paramref name="length"/> bytes, streamed through a buffer.</summary>
    private static uint Checksum(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length)
    {
        var hash = new System.IO.Hashing.Crc32();
        var buffer = new byte[(int)Math.Min(CheckBufferSize, Math.Max(length, 1))];
        for (long at = 0; at < length;)
        {
            int read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - at)), at);
            if (read == 0)
                break;
            hash.Append(buffer.AsSpan(0, read));
            at += read;
        }
        return hash.GetCurrentHashAsUInt32();
    }
}
