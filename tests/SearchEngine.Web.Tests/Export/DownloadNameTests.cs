using SearchEngine.Web.Export;

namespace SearchEngine.Web.Tests.Export;

/// <summary>The name a download is saved under: the query kept readable, nothing a file system or a header trips on.</summary>
public sealed class DownloadNameTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    [Theory]
    [InlineData("氢能", "检索结果-氢能-2026-12-03.csv")]
    [InlineData(null, "检索结果-2026-12-03.csv")]
    [InlineData("   ", "检索结果-2026-12-03.csv")]
    [InlineData("氢能 燃料电池", "检索结果-氢能_燃料电池-2026-12-03.csv")]
    [InlineData("../../etc/passwd", "检索结果-etcpasswd-2026-12-03.csv")]
    [InlineData("a:b*c?d\"e<f>g|h\\i%j;k", "检索结果-abcdefghijk-2026-12-03.csv")]
    [InlineData("title:\"氢能\" -煤炭", "检索结果-title氢能_-煤炭-2026-12-03.csv")]
    [InlineData("氢能\r\n\u0000x", "检索结果-氢能_x-2026-12-03.csv")]
    public void Given_a_query_then_the_name_keeps_its_words_and_drops_what_is_unsafe(string? query, string name) =>
        Assert.Equal(name, DownloadName.For("检索结果", query, Day, "csv"));

    [Fact]
    public void Given_a_long_query_then_at_most_forty_characters_of_it_are_kept()
    {
        string name = DownloadName.For("检索结果", new string('氢', 100), Day, "xlsx");
        Assert.Equal("检索结果-" + new string('氢', 40) + "-2026-12-03.xlsx", name);
    }
}
