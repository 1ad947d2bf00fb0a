using System.Buffers.Binary;
using SearchEngine.Index.Storage;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index.Storage;

/// <summary>A mapped segment file is read at 64-bit offsets, so a segment may pass 2 GB.</summary>
public sealed class SegmentDataTests : TempFolderTest
{
    [Fact]
    public void Given_a_sparse_file_of_five_gigabytes_When_bytes_written_past_2_and_4_GB_are_read_Then_they_come_back()
    {
        string path = Path.Combine(Folder, "large.seg");
        const long pastInt = (1L << 31) + 12_345, pastUInt = (1L << 32) + 7, length = (5L << 30) + 3;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            file.SetLength(length); // sparse: no disk is used for the holes
            Write(file, pastInt, 0x0123456789ABCDEFL);
            Write(file, pastUInt, -42L);
            Write(file, length - 8, 777L);
        }

        using var data = SegmentData.Map(path);

        Assert.Equal(length, data.Length);
        Assert.Equal(0x0123456789ABCDEFL, BinaryPrimitives.ReadInt64LittleEndian(data.Span(pastInt, 8)));
        Assert.Equal(-42L, BinaryPrimitives.ReadInt64LittleEndian(data.Span(pastUInt, 8)));
        Assert.Equal(777L, BinaryPrimitives.ReadInt64LittleEndian(data.Span(length - 8, 8)));
        Assert.Equal(0xEF, data[pastInt]);
        Assert.Equal(0, data[pastInt - 1]);
        Assert.Equal(int.MaxValue, data.From(8).Length);
        Assert.Equal(8, data.From(length - 8).Length);
    }

    [Fact]
    public void Given_a_mapped_file_When_a_read_reaches_past_its_end_Then_it_is_reported_as_corruption()
    {
        string path = Path.Combine(Folder, "small.seg");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        using var data = SegmentData.Map(path);

        Assert.Equal([3, 4], data.Span(2, 2).ToArray());
        Assert.Throws<InvalidDataException>(() => data.Span(3, 2).Length);
        Assert.Throws<InvalidDataException>(() => data.Span(-1, 1).Length);
        Assert.Throws<InvalidDataException>(() => data.Span(long.MaxValue, 1).Length);
    }

    [Fact]
    public void Given_a_mapped_file_When_it_is_deleted_Then_its_bytes_are_still_read_until_it_is_unmapped()
    {
        string path = Path.Combine(Folder, "deleted.seg");
        File.WriteAllBytes(path, [9, 8, 7]);
        var data = SegmentData.Map(path);
        File.Delete(path);

        Assert.Equal(8, data[1]);
        data.Dispose();
        Assert.Throws<ObjectDisposedException>(() => data[1]);
    }

    private static void Write(FileStream file, long offset, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        file.Position = offset;
        file.Write(bytes);
    }
}
