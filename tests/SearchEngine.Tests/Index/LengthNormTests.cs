using SearchEngine.Index.Search;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A length's one-byte code: exact up to 127, rounded down within 1/16 above, monotone (so a block's least length
/// gives its least code and bounds stay bounds), and every code stands for a length that encodes back to it.
/// </summary>
public sealed class LengthNormTests
{
    [Fact]
    public void Short_lengths_are_exact_and_long_ones_round_down_within_a_sixteenth()
    {
        for (int length = 0; length < 128; length++)
            Assert.Equal(length, LengthNorm.Decode(LengthNorm.Encode(length)));
        var random = new Random(20261203);
        for (int trial = 0; trial < 20000; trial++)
        {
            // Every length up to 10,000 in turn, then random ones up to the largest a code stands for.
            int length = trial < 10000 ? 128 + trial : random.Next(128, 31745);
            int read = LengthNorm.Decode(LengthNorm.Encode(length));
            Assert.InRange(read, length * 16.0 / 17.0, length);
        }
    }

    [Fact]
    public void Codes_are_monotone_and_every_code_reads_back_to_itself()
    {
        byte previous = 0;
        for (int length = 0; length < 200_000; length += 1 + (length / 1000))
        {
            byte code = LengthNorm.Encode(length);
            Assert.True(code >= previous, $"length {length} has code {code} below the previous {previous}");
            previous = code;
        }
        Assert.Equal(byte.MaxValue, LengthNorm.Encode(int.MaxValue));
        Assert.Equal(0, LengthNorm.Encode(-5));
        for (int code = 0; code < 256; code++)
            Assert.Equal(code, LengthNorm.Encode(LengthNorm.Decode((byte)code)));
    }
}
