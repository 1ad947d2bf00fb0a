using System.Buffers.Binary;
using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>A cursor over bytes written by <see cref="ByteWriter"/>. Reading past the end is a corruption.</summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _bytes;

    public ByteReader(ReadOnlySpan<byte> bytes, int position = 0)
    {
        _bytes = bytes;
        Position = position;
    }

    public int Position { get; set; }

    public readonly bool AtEnd => Position >= _bytes.Length;

    public byte ReadByte() => _bytes[Position++];

    public uint ReadVarUInt()
    {
        uint value = 0;
        int shift = 0;
        while (true)
        {
            byte b = _bytes[Position++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
            shift += 7;
            if (shift > 28)
                throw new InvalidDataException("A variable-length integer in the index is longer than five bytes: the segment is corrupt.");
        }
    }

    public int ReadVarInt() => checked((int)ReadVarUInt());

    public int ReadInt32()
    {
        int v = BinaryPrimitives.ReadInt32LittleEndian(_bytes[Position..]);
        Position += 4;
        return v;
    }

    public long ReadInt64()
    {
        long v = BinaryPrimitives.ReadInt64LittleEndian(_bytes[Position..]);
        Position += 8;
        return v;
    }

    public ushort ReadUInt16()
    {
        ushort v = BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Position..]);
        Position += 2;
        return v;
    }

    public float ReadFloat()
    {
        float v = BinaryPrimitives.ReadSingleLittleEndian(_bytes[Position..]);
        Position += 4;
        return v;
    }

    public string? ReadString()
    {
        if (ReadByte() == 0)
            return null;
        int count = ReadVarInt();
        string s = Encoding.UTF8.GetString(_bytes.Slice(Position, count));
        Position += count;
        return s;
    }

    public string ReadRequiredString() => ReadString() ?? throw new InvalidDataException("A required string in the index is missing: the segment is corrupt.");

    public string[] ReadStrings()
    {
        int count = ReadVarInt();
        var values = new string[count];
        for (int i = 0; i < count; i++)
            values[i] = ReadRequiredString();
        return values;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        var slice = _bytes.Slice(Position, count);
        Position += count;
        return slice;
    }
}
