using System.Text;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// A stored document opened for reading: its head (metadata, and each section's headings, units and industries)
/// is decoded at once; section texts are decompressed chunk by chunk when asked for and kept for the life of this
/// object, which is meant for one request (it is not thread-safe).
/// </summary>
public sealed class StoredDocument : IStoredDocument
{
    private readonly SegmentReader _segment;
    private readonly int[] _bodyStarts;
    private readonly int[] _chunkStarts;
    private readonly long[] _chunkBlobs;
    private readonly string?[] _chunks;

    internal StoredDocument(SegmentReader segment, ReadOnlySpan<byte> entry, long entryAt)
    {
        _segment = segment;
        var r = new ByteReader(entry);
        int headLength = r.ReadVarInt();
        Outline = DocumentCodec.ReadHead(StoredCompression.Decompress(r.ReadBytes(headLength)), out var lengths);
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
    }

    /// <summary>The document with every section's <see cref="SectionRecord.Body"/> empty: read texts with <see cref="Body"/> or <see cref="Text"/>.</summary>
    public DocumentRecord Outline { get; }

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
            return Chunk(chunk).Substring(start - _chunkStarts[chunk], end - start);
        var sb = new StringBuilder(end - start);
        for (; chunk < _chunks.Length && _chunkStarts[chunk] < end; chunk++)
        {
            int from = Math.Max(start, _chunkStarts[chunk]), to = Math.Min(end, _chunkStarts[chunk + 1]);
            sb.Append(Chunk(chunk), from - _chunkStarts[chunk], to - from);
        }
        return sb.ToString();
    }

    private string Chunk(int i)
    {
        if (_chunks[i] is { } cached)
            return cached;
        string text = Encoding.UTF8.GetString(StoredCompression.Decompress(_segment.Data.Span(_chunkBlobs[i], (int)(_chunkBlobs[i + 1] - _chunkBlobs[i]))));
        if (text.Length != _chunkStarts[i + 1] - _chunkStarts[i])
            throw new InvalidDataException($"A stored text chunk in segment '{_segment.Name}' has the wrong length; the segment is corrupt.");
        _segment.CountChunkRead();
        return _chunks[i] = text;
    }
}
