using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;

namespace SearchEngine.Tests.Index.Postings;

/// <summary>Packed runs read back exactly at every width, for full blocks and short runs, and take the bytes the layout promises.</summary>
public sealed class PackedIntsTests
{
    public static TheoryData<int> Widths() => [.. Enumerable.Range(0, 33)];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Should_round_trip_a_full_block_at_every_width(int bits)
    {
        var random = new Random(bits);
        var values = new int[PackedInts.BlockSize];
        for (int i = 0; i < values.Length; i++)
            values[i] = RandomOfWidth(random, bits);
        values[^1] = bits == 0 ? 0 : unchecked((int)(uint.MaxValue >> (32 - bits))); // the largest value of the width

        var written = new ByteWriter();
        PackedInts.Write(written, values);

        Assert.Equal(1 + (16 * bits), written.Length); // values spread over the width: patching would cost more
        Assert.Equal(bits, written.Written[0]);
        var read = new int[values.Length];
        Assert.Equal(written.Length, PackedInts.Read(written.Written, 0, read));
        Assert.Equal(values, read);
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, 0)]
    [InlineData(new[] { 1 }, 1)]
    [InlineData(new[] { 1, 2, 3 }, 2)]
    [InlineData(new[] { 255, 0 }, 8)]
    [InlineData(new[] { 256 }, 9)]
    [InlineData(new[] { int.MaxValue }, 31)]
    [InlineData(new[] { -1 }, 32)]
    public void Should_choose_the_width_of_the_largest_value(int[] values, int bits) =>
        Assert.Equal(bits, PackedInts.BitsRequired(values));

    [Fact]
    public void Should_round_trip_random_runs_of_any_length_back_to_back()
    {
        var (runs, written) = RandomRuns(20261202, minimumLength: 0);

        int position = 0;
        foreach (var run in runs)
        {
            var read = new int[run.Length];
            position = PackedInts.Read(written.Written, position, read);
            Assert.Equal(run, read);
        }
        Assert.Equal(written.Length, position);
    }

    [Fact]
    public void Should_read_any_single_value_of_a_located_run_as_unpacking_it_would()
    {
        // Given random runs back to back, some with outliers that are patched
        var (runs, written) = RandomRuns(20261203, minimumLength: 1);

        // Then locating each run ends where reading it does, and every value reads alone as it was written
        int position = 0;
        foreach (var run in runs)
        {
            int end = PackedInts.Locate(written.Written, position, run.Length, out var located);
            Assert.Equal(PackedInts.Read(written.Written, position, new int[run.Length]), end);
            for (int i = 0; i < run.Length; i++)
                Assert.Equal(run[i], PackedInts.ValueAt(written.Written, located, i));
            position = end;
        }
        Assert.Equal(written.Length, position);
    }

    [Fact]
    public void Should_reject_a_width_above_32_as_corruption()
    {
        byte[] data = [33, 0, 0, 0, 0, 0];
        Assert.Throws<InvalidDataException>(() => PackedInts.Read(data, 0, new int[1]));
    }

    [Theory]
    [InlineData(3, 1000)]
    [InlineData(1, int.MaxValue)]
    [InlineData(0, 300)]
    public void Should_patch_a_few_wide_values_instead_of_widening_the_block(int smallBits, int outlier)
    {
        // Given a block of small position deltas with one large first position
        var random = new Random(smallBits);
        var values = new int[PackedInts.BlockSize];
        for (int i = 0; i < values.Length; i++)
            values[i] = RandomOfWidth(random, smallBits);
        values[17] = outlier;
        values[100] = outlier - 1;

        var written = new ByteWriter();
        PackedInts.Write(written, values);

        // Then it is packed narrower than the outlier, the outliers follow as exceptions, and it reads back exactly
        int widest = PackedInts.BitsRequired(values);
        Assert.True(written.Length < 1 + (16 * widest), $"{written.Length} bytes, plain packing takes {1 + (16 * widest)}");
        Assert.True((written.Written[0] & 0x3F) < widest);
        var read = new int[values.Length];
        Assert.Equal(written.Length, PackedInts.Read(written.Written, 0, read));
        Assert.Equal(values, read);
    }

    /// <summary>500 runs of up to a block's values written back to back, each at a width with some wider outliers (to patch).</summary>
    private static (List<int[]> Runs, ByteWriter Written) RandomRuns(int seed, int minimumLength)
    {
        var random = new Random(seed);
        var runs = new List<int[]>();
        var written = new ByteWriter();
        for (int n = 0; n < 500; n++)
        {
            int bits = random.Next(33);
            var run = new int[minimumLength + random.Next(PackedInts.BlockSize + 1 - minimumLength)];
            for (int i = 0; i < run.Length; i++)
                run[i] = RandomOfWidth(random, random.Next(7) == 0 ? random.Next(33) : bits);
            PackedInts.Write(written, run);
            runs.Add(run);
        }
        return (runs, written);
    }

    private static int RandomOfWidth(Random random, int bits) =>
        bits == 0 ? 0 : unchecked((int)((uint)random.NextInt64(0, 1L << 32) >> (32 - bits)));
    [Fact]
    public void Should_unpack_eight_at_a_time_exactly_as_one_at_a_time_at_every_width_and_length()
    {
        // Random bytes, so every bit pattern and every offset within a byte is met; lengths that end a group of eight
        // short of the buffer's end, where the vector path hands over to the scalar one.
        var random = new Random(20261203);
        for (int bits = 1; bits <= 32; bits++)
        {
            for (int trial = 0; trial < 200; trial++)
            {
                int count = random.Next(0, 300);
                var packed = new byte[PackedInts.PackedLength(count, bits)];
                random.NextBytes(packed);
                var fast = new int[count];
                var slow = new int[count];
                PackedInts.Unpack(packed, bits, fast);
                PackedInts.UnpackScalar(packed, bits, slow);
                Assert.Equal(slow, fast);
            }
        }
    }
}
