using SearchEngine.Core.Metadata;

namespace SearchEngine.Tests.Core.Metadata;

public class DocumentNumberParserTests
{
    [Theory]
    [InlineData("湘政办发〔2021〕47号")]
    [InlineData("湘政办发(2021)47号")]
    [InlineData("湘政办发（2021）47号")]
    [InlineData("湘政办发[2021]47号")]
    [InlineData("湘政办发［2021］47号")]
    [InlineData("湘政办发〔2021〕47 号")]
    [InlineData("湘政办发 〔 2021 〕 47 号")]
    public void Should_read_every_bracket_style_as_the_same_number(string printed)
    {
        var number = DocumentNumberParser.Parse(printed);
        Assert.NotNull(number);
        Assert.Equal(("湘政办发", 2021, 47), (number.Prefix, number.Year, number.Serial));
        Assert.Equal("湘政办发〔2021〕47号", number.ToString());
    }

    [Fact]
    public void Should_cut_the_title_that_runs_into_the_prefix_in_merged_text()
    {
        var hit = DocumentNumberParser.FindFirst("关于印发长株潭行动计划的通知湘政办发(2024)3号各市州人民政府", 200);
        Assert.NotNull(hit);
        Assert.Equal("湘政办发〔2024〕3号", hit.Value.Number.ToString());
        Assert.Equal("湘政办发(2024)3号", hit.Value.Printed);
    }

    [Theory]
    [InlineData("2021年8月19日")]
    [InlineData("湘政办发〔21〕47号")]
    [InlineData("第47号")]
    public void Should_find_no_number_where_there_is_none(string text) => Assert.Null(DocumentNumberParser.Parse(text));
}
