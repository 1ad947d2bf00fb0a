namespace SearchEngine.Index.Storage;

/// <summary>CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the checksum every index file ends with.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> bytes) => Append(0, bytes);

    /// <summary>
    /// The CRC of the bytes checksummed so far (<paramref name="crc"/>, 0 for none) followed by
    /// <paramref name="bytes"/>: a file written in pieces is checksummed as it goes.
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> bytes)
    {
        crc = ~crc;
        foreach (byte b in bytes)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
