using System.Buffers.Binary;

namespace SearchEngine.Index.Storage;

/// <summary>The deleted documents of a segment: sorted document ordinals and a CRC, written once per generation.</summary>
internal static class DeletionFile
{
    public static byte[] Encode(IEnumerable<int> deletedDocuments)
    {
        var w = new ByteWriter();
        var sorted = deletedDocuments.Distinct().Order().ToList();
        w.WriteVarInt(sorted.Count);
        foreach (int d in sorted)
            w.WriteVarInt(d);
        w.WriteInt32(unchecked((int)Crc32.Compute(w.Written)));
        return w.Written.ToArray();
    }

    /// <summary>True when the file is complete: its checksum matches.</summary>
    public static bool IsIntact(byte[] bytes) =>
        bytes.Length >= 5 && Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));

    public static bool[] Decode(string name, byte[] bytes, int documentCount)
    {
        if (!IsIntact(bytes))
            throw new InvalidDataException($"Deletion file '{name}' fails its checksum; the file is corrupt.");
        var deleted = new bool[documentCount];
        var r = new ByteReader(bytes);
        int count = r.ReadVarInt();
        for (int i = 0; i < count; i++)
            deleted[r.ReadVarInt()] = true;
        return deleted;
    }
}
