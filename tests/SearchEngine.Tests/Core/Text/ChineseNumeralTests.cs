using SearchEngine.Core.Text;

namespace SearchEngine.Tests.Core.Text;

public class ChineseNumeralTests
{
    [Theory]
    [InlineData("一", 1)]
    [InlineData("九", 9)]
    [InlineData("十", 10)]
    [InlineData("十一", 11)]
    [InlineData("二十", 20)]
    [InlineData("二十三", 23)]
    [InlineData("九十九", 99)]
    public void Should_parse_heading_numerals(string text, int expected)
    {
        Assert.True(ChineseNumeral.TryParse(text, out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("零")]
    [InlineData("十十")]
    [InlineData("一二")]
    [InlineData("二十零")]
    public void Should_reject_what_is_not_a_heading_numeral(string text) =>
        Assert.False(ChineseNumeral.TryParse(text, out _));

    [Fact]
    public void Should_round_trip_every_number_from_1_to_99()
    {
        for (int n = 1; n <= 99; n++)
        {
            Assert.True(ChineseNumeral.TryParse(ChineseNumeral.Format(n), out int back));
            Assert.Equal(n, back);
        }
    }
}
