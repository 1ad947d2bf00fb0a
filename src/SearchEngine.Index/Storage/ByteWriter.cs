using System.Buffers.Binary;
using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>A growable byte buffer with the encodings segment files use: variable-length integers, strings.</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer;

    public ByteWriter(int capacity = 1024) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    /// <summary>Unsigned LEB128: 7 bits a byte, high bit set on all but the last.</summary>
    public void WriteVarInt(uint value)
    {
        Ensure(5);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[Length++] = (byte)value;
    }

    public void WriteVarInt(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        WriteVarInt((uint)value);
    }

    public void WriteInt32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(Length), value);
        Length += 4;
    }

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(Length), value);
        Length += 8;
    }

    public void WriteUInt16(ushort value)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(Length), value);
        Length += 2;
    }

    public void WriteFloat(float value)
    {
        Ensure(4);
        BinaryPrimitives.WriteSingleLittleEndian(_buffer.AsSpan(Length), value);
        Length += 4;
    }

    /// <summary>A string as its UTF-8 byte count (varint) and bytes; null as count 0 with a marker byte before it.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }
        WriteByte(1);
        int count = Encoding.UTF8.GetByteCount(value);
        WriteVarInt(count);
        Ensure(count);
        Encoding.UTF8.GetBytes(value, _buffer.AsSpan(Length));
        Length += count;
    }

    public void WriteStrings(IReadOnlyList<string> values)
    {
        WriteVarInt(values.Count);
        foreach (var v in values)
            WriteString(v);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (Length + more <= _buffer.Length)
            return;
        int size = _buffer.Length;
        while (size < Length + more)
            size = checked(size * 2);
        Array.Resize(ref _buffer, size);
    }
}
