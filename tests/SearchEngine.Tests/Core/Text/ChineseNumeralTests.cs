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

    [Theory]
    [InlineData("九十九", 99)]
    [InlineData("一百", 100)]
    [InlineData("一百零一", 101)]
    [InlineData("一百一十", 110)]
    [InlineData("一百十二", 112)]
    [InlineData("二百三十五", 235)]
    public void Should_parse_article_numbers_into_the_hundreds(string text, int expected)
    {
        Assert.True(ChineseNumeral.TryParseHundreds(text, out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("百")]
    [InlineData("一百五")]        // colloquial 150, not how an article number prints
    [InlineData("一百零十")]
    [InlineData("十百")]
    public void Should_reject_what_is_not_an_article_number(string text) =>
        Assert.False(ChineseNumeral.TryParseHundreds(text, out _));
}
