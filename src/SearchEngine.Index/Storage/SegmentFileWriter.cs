using System.Buffers.Binary;

namespace SearchEngine.Index.Storage;

/// <summary>
/// Writes the layout of a segment file (<see cref="SegmentFormat"/>) to a stream front to back: the header, each part
/// in file order, then the footer with the parts' offsets, the content length and the CRC-32 (<see cref="Crc32"/>)
/// computed as the bytes went by. Nothing is held but what a caller hands over, so a merged segment larger than memory
/// streams to its file; the builder of a flushed segment streams through the same class to its file (or into memory,
/// for tests).
/// </summary>
internal sealed class SegmentFileWriter
{
    private readonly Stream _output;
    private readonly long[] _offsets = new long[SegmentFormat.PartCount];
    private readonly byte[] _copyBuffer = new byte[1 << 16];
    private int _nextPart;
    private readonly System.IO.Hashing.Crc32 _crc = new();

    public SegmentFileWriter(Stream output)
    {
        _output = output;
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(header, SegmentFormat.HeaderMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], SegmentFormat.Version);
        Write(header);
    }

    /// <summary>Bytes written so far, footer excluded.</summary>
    public long Length { get; private set; }

    /// <summary>Starts <paramref name="part"/> here; parts come in file order, each once.</summary>
    public void BeginPart(SegmentFormat.Part part)
    {
        if ((int)part != _nextPart)
            throw new InvalidOperationException($"Segment part {part} written out of order (expected {(SegmentFormat.Part)_nextPart}).");
        _offsets[_nextPart++] = Length;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _crc.Append(bytes);
        Length += bytes.Length;
    }

    /// <summary>Writes what <paramref name="buffer"/> holds and empties it, so a part can be written a piece at a time.</summary>
    public void Write(ByteWriter buffer)
    {
        Write(buffer.Written);
        buffer.Clear();
    }

    /// <summary>Appends the whole of <paramref name="spool"/> (a part written aside first), from its start.</summary>
    public void CopyFrom(Stream spool)
    {
        spool.Position = 0;
        int read;
        while ((read = spool.Read(_copyBuffer)) > 0)
            Write(_copyBuffer.AsSpan(0, read));
    }

    /// <summary>Writes the footer once every part has begun. The stream is not flushed or closed.</summary>
    public void Finish()
    {
        if (_nextPart != SegmentFormat.PartCount)
            throw new InvalidOperationException($"Segment finished before its part {(SegmentFormat.Part)_nextPart} was written.");
        var footer = new byte[SegmentFormat.FooterSize];
        for (int i = 0; i < _offsets.Length; i++)
            BinaryPrimitives.WriteInt64LittleEndian(footer.AsSpan(i * 8), _offsets[i]);
        int at = _offsets.Length * 8;
        BinaryPrimitives.WriteInt64LittleEndian(footer.AsSpan(at), Length);
        BinaryPrimitives.WriteUInt32LittleEndian(footer.AsSpan(at + 8), _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(footer.AsSpan(at + 12), SegmentFormat.FooterMagic);
        _output.Write(footer);
    }
}
