using SearchEngine.Index.Storage;

namespace SearchEngine.Tests.Index.Storage;

/// <summary>
/// Index files are checked with System.IO.Hashing's CRC-32: the same IEEE polynomial (0xEDB88320, reflected) the
/// index's own table-driven CRC computed, so files written before it still verify.
/// </summary>
public sealed class Crc32Tests
{
    [Fact]
    public void The_checksum_of_the_standard_check_string_is_the_IEEE_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Given_random_bytes_Then_the_checksum_equals_the_table_driven_IEEE_CRC_the_index_used_before()
    {
        var random = new Random(32);
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 5000)];
            random.NextBytes(bytes);
            Assert.Equal(TableDriven(bytes), Crc32.Compute(bytes));
            var streamed = new System.IO.Hashing.Crc32();
            int half = bytes.Length / 2;
            streamed.Append(bytes.AsSpan(0, half));
            streamed.Append(bytes.AsSpan(half));
            Assert.Equal(TableDriven(bytes), streamed.GetCurrentHashAsUInt32());
        }
    }

    /// <summary>The index's CRC-32 before System.IO.Hashing (Storage/Crc32.cs up to format 13).</summary>
    private static uint TableDriven(ReadOnlySpan<byte> bytes)
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in bytes)
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }
}
