using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Tests.Core.Text;

public class OutlineMarkerTests
{
    [Theory]
    [InlineData("一、发展基础与形势", HeadingLevel.Part, 1, 2)]
    [InlineData("十二、附则", HeadingLevel.Part, 12, 3)]
    [InlineData("（七）新能源及智能网联汽车产业。", HeadingLevel.Chapter, 7, 3)]
    [InlineData("(二)发展形势。", HeadingLevel.Chapter, 2, 3)]
    [InlineData("1.现代石化。推进", HeadingLevel.Item, 1, 2)]
    [InlineData("1．现代石化", HeadingLevel.Item, 1, 2)]
    [InlineData("12 .加速推进", HeadingLevel.Item, 12, 4)]
    [InlineData("（1）支持湖南省", HeadingLevel.SubItem, 1, 3)]
    [InlineData("(4)提升科技创新项目质效", HeadingLevel.SubItem, 4, 3)]
    [InlineData("专栏1:高端装备产业", HeadingLevel.Box, 1, 4)]
    [InlineData("专栏2：新材料产业", HeadingLevel.Box, 2, 4)]
    public void Should_read_outline_markers(string text, HeadingLevel level, int number, int length)
    {
        Assert.True(OutlineMarker.TryRead(text, 0, out var marker));
        Assert.Equal((level, number, length), (marker.Level, marker.Number, marker.Length));
    }

    [Theory]
    [InlineData("1.8件")]               // a decimal figure
    [InlineData("2025年")]              // a year
    [InlineData("一是加强")]             // an enumeration word, not a heading
    [InlineData("(2021)47号")]          // a document number's year
    [InlineData("(以下简称自创区)")]     // a parenthetical
    [InlineData("IL前瞻布局未来产业")]   // OCR damage is accepted only where item 11 is expected
    public void Should_not_take_ordinary_text_for_a_marker(string text) =>
        Assert.False(OutlineMarker.TryRead(text, 0, out _));

    [Fact]
    public void Should_read_ocr_damaged_item_eleven_where_the_outline_expects_it()
    {
        Assert.True(OutlineMarker.TryRead("IL前瞻布局未来产业", 0, out var marker, expectedItem: 11));
        Assert.Equal((HeadingLevel.Item, 11), (marker.Level, marker.Number));
    }
}
