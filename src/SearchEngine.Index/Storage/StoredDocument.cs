using System.Text;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// A stored document opened for reading: its head (metadata, and each section's headings, units and industries)
/// is decoded at once; section texts are decompressed chunk by chunk when asked for, which is meant for one request
/// (it is not thread-safe). A chunk read once (a search's hit: one section of the document) is decoded into the
/// thread's scratch buffers and only the section becomes a string; a chunk asked for again (a document view reads
/// section after section) is kept whole for the life of this object. A search hydrating ten hits allocated the
/// chunk's bytes and its whole text for each, some 20 KB a hit, most of what a search allocates.
/// </summary>
public sealed class StoredDocument : IStoredDocument
{
    private readonly SegmentReader _segment;
    private readonly int[] _bodyStarts;
    private readonly int[] _chunkStarts;
    private readonly long[] _chunkBlobs;
    private readonly string?[] _chunks;
    private readonly bool[] _chunkSeen;

    // Per thread, the last chunk decoded without being kept: its bytes and its characters.
    [ThreadStatic] private static byte[]? t_bytes;
    [ThreadStatic] private static char[]? t_characters;

    internal StoredDocument(SegmentReader segment, ReadOnlySpan<byte> entry, long entryAt)
    {
        _segment = segment;
        var r = new ByteReader(entry);
        int headLength = r.ReadVarInt();
        Outline = DocumentCodec.ReadHead(StoredCompression.Decompress(r.ReadBytes(headLength)), out var lengths);
        int targetsLength = r.ReadVarInt();
        _targetsAt = entryAt + r.Position;
        _targetsLength = targetsLength;
        r.ReadBytes(targetsLength);
        _bodyStarts = new int[lengths.Length + 1];
        for (int i = 0; i < lengths.Length; i++)
            _bodyStarts[i + 1] = _bodyStarts[i] + lengths[i];
        int count = r.ReadVarInt();
        _chunkStarts = new int[count + 1];
        _chunkBlobs = new long[count + 1];
        for (int i = 0; i < count; i++)
        {
            _chunkStarts[i + 1] = _chunkStarts[i] + r.ReadVarInt();
            _chunkBlobs[i + 1] = _chunkBlobs[i] + r.ReadVarInt();
        }
        if (_chunkStarts[count] != _bodyStarts[^1] || r.Position + _chunkBlobs[count] != entry.Length)
            throw new InvalidDataException($"A stored document in segment '{segment.Name}' has texts that do not add up; the segment is corrupt.");
        for (int i = 0; i <= count; i++)
            _chunkBlobs[i] += entryAt + r.Position; // absolute offsets in the segment from here on
        _chunks = new string?[count];
        _chunkSeen = new bool[count];
    }

    /// <summary>The document with every section's <see cref="SectionRecord.Body"/> empty: read texts with <see cref="Body"/> or <see cref="Text"/>.</summary>
    public DocumentRecord Outline { get; }

    private readonly long _targetsAt;
    private readonly int _targetsLength;
    private IReadOnlyList<SearchEngine.Core.Targets.PlanTarget>? _targets;

    /// <summary>The plan targets, decoded when first asked for, each sentence read from its section's text.</summary>
    public IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> Targets => _targets ??= TargetsIn(_ => true);

    /// <summary>The targets of the kept sections; only their sentences' texts are read.</summary>
    public IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> TargetsIn(Func<int, bool> section) => _targetsLength == 0 ? []
        : DocumentCodec.ReadTargets(StoredCompression.Decompress(_segment.Data.Span(_targetsAt, _targetsLength)),
            (s, start, length) => Text(TargetSection(s), start, length), section);

    private int TargetSection(int sectionIndex) => Outline.PositionOf(sectionIndex) is int position and >= 0 ? position
        : throw new InvalidDataException($"A plan target in segment '{_segment.Name}' names section {sectionIndex}, which its document lacks; the segment is corrupt.");

    /// <summary>The length of a section's text, by its position in the document, without reading it.</summary>
    public int BodyLength(int position) => _bodyStarts[position + 1] - _bodyStarts[position];

    /// <summary>A section's whole text.</summary>
    public string Body(int position) => Text(position, 0, BodyLength(position));

    /// <summary>A section with its text.</summary>
    public SectionRecord Section(int position) => Outline.Sections[position] with { Body = Body(position) };

    /// <summary>Up to <paramref name="length"/> characters of a section's text from <paramref name="from"/>; only the chunks they lie in are read.</summary>
    public string Text(int position, int from, int length)
    {
        int start = _bodyStarts[position] + Math.Clamp(from, 0, BodyLength(position));
        int end = Math.Min(_bodyStarts[position + 1], start + Math.Max(0, length));
        return Characters(start, end);
    }

    /// <summary>The whole document, every text read.</summary>
    public DocumentRecord ReadAll() => Outline with { Sections = [.. Outline.Sections.Select((_, i) => Section(i))] };

    private string Characters(int start, int end)
    {
        if (start >= end)
            return "";
        int chunk = Array.BinarySearch(_chunkStarts, start);
        if (chunk < 0)
            chunk = ~chunk - 1;
        if (end <= _chunkStarts[chunk + 1])
        {
            if (_chunks[chunk] is null && !_chunkSeen[chunk])
            {
                _chunkSeen[chunk] = true;
                return new string(Decode(chunk, end - _chunkStarts[chunk]).Slice(start - _chunkStarts[chunk], end - start));
            }
            return Chunk(chunk).Substring(start - _chunkStarts[chunk], end - start);
        }
        var sb = new StringBuilder(end - start);
        for (; chunk < _chunks.Length && _chunkStarts[chunk] < end; chunk++)
        {
            int from = Math.Max(start, _chunkStarts[chunk]), to = Math.Min(end, _chunkStarts[chunk + 1]);
            sb.Append(Chunk(chunk), from - _chunkStarts[chunk], to - from);
        }
        return sb.ToString();
    }

    private string Chunk(int i) => _chunks[i] ??= new string(Decode(i, _chunkStarts[i + 1] - _chunkStarts[i]));

    /// <summary>
    /// Decompresses a chunk into this thread's scratch buffers and decodes its first <paramref name="upTo"/>
    /// characters (a section early in a chunk does not pay for the text after it); valid until the thread decodes
    /// another. A chunk of n characters is at most 3n bytes of UTF-8: a larger size in its header is a corrupt
    /// segment, not a buffer to allocate; a chunk decoded whole must decode to exactly its characters.
    /// </summary>
    private ReadOnlySpan<char> Decode(int i, int upTo)
    {
        var blob = _segment.Data.Span(_chunkBlobs[i], (int)(_chunkBlobs[i + 1] - _chunkBlobs[i]));
        int characters = _chunkStarts[i + 1] - _chunkStarts[i], length = StoredCompression.RawLength(blob);
        if (length < characters || length > 3L * characters)
            throw new InvalidDataException($"A stored text chunk in segment '{_segment.Name}' has the wrong length; the segment is corrupt.");
        if (t_bytes is null || t_bytes.Length < length)
            t_bytes = new byte[Math.Max(length, 3 * StoredText.ChunkCharacters)];
        var bytes = t_bytes.AsSpan(0, length);
        StoredCompression.Decompress(blob, bytes);
        if (t_characters is null || t_characters.Length < characters)
            t_characters = new char[Math.Max(characters, StoredText.ChunkCharacters)];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, t_characters.AsSpan(0, upTo), out _, out int written);
        if (upTo < characters && written == upTo && status == System.Buffers.OperationStatus.DestinationTooSmall)
        {
            _segment.CountChunkRead();
            return t_characters.AsSpan(0, upTo);
        }
        if (upTo < characters)
            return Decode(i, characters)[..upTo]; // let the whole chunk say whether it is sound
        if (status != System.Buffers.OperationStatus.Done || written != characters)
            throw new InvalidDataException($"A stored text chunk in segment '{_segment.Name}' has the wrong length; the segment is corrupt.");
        _segment.CountChunkRead();
        return t_characters.AsSpan(0, characters);
    }
}
