namespace SearchEngine.Index.Storage;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320): the checksum every index file ends with. It is
/// <see cref="System.IO.Hashing.Crc32"/> (vectorised); segments, too large to hold, stream through that class directly.
/// </summary>
internal static class Crc32
{
    public static uint Compute(ReadOnlySpan<byte> bytes) => System.IO.Hashing.Crc32.HashToUInt32(bytes);
}
