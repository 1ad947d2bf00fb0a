using SearchEngine.Core.Text;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Given the messy seeds, the cleaned text has the artefacts removed and the words whole.</summary>
public class SeedCleaningTests
{
    private static CleanText Clean(string seed) => new PolicyTextCleaner().Clean(File.ReadAllText(Seeds.SeedPath(seed)));

    [Theory]
    [InlineData("北斗")]
    [InlineData("光刻胶")]
    [InlineData("二O三五年远景目标纲要")]
    [InlineData("2020年全省实现战略性新兴产业增加值4190.73亿元")]
    public void Should_join_words_the_pdf_extraction_broke_across_lines(string phrase)
    {
        var clean = Clean("001");
        Assert.True(clean.WasHardWrapped);
        Assert.Contains(phrase, clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("— 16 —", clean.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_paragraphs_of_the_pdf_apart()
    {
        var lines = Clean("001").Text.Split('\n');
        Assert.Contains("湖南省“十四五”战略性新兴产业发展规划", lines);
        Assert.Contains("湘政办发〔2021〕47号", lines);
        Assert.Contains(lines, l => l.StartsWith("产业规模稳步壮大。", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_remove_the_sharing_site_boilerplate_and_page_markers_of_002()
    {
        var clean = Clean("002");
        Assert.DoesNotContain("由会员分享", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("配套讲稿", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("desk33", clean.Text, StringComparison.Ordinal);
        Assert.Contains("持续放大“自主创新长株潭现象", clean.Text, StringComparison.Ordinal);
        Assert.Contains("长株潭地区高新技术产业增加值达7000亿元", clean.Text, StringComparison.Ordinal);
        Assert.Equal(12, clean.Removed.Count(r => r.Kind == RemovedFragment.PageMarker));
    }

    [Fact]
    public void Should_remove_the_site_header_summary_and_footer_of_000()
    {
        var clean = Clean("000");
        Assert.DoesNotContain("浏览量", clean.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("微信扫描二维码", clean.Text, StringComparison.Ordinal);
        Assert.Single(clean.Removed, r => r.Kind == RemovedFragment.PageHeader);
        // the opening sentence is printed once, where the plan starts, not again in the page summary
        int count = clean.Text.Split("为加快实施战略性新兴产业培育工程").Length - 1;
        Assert.Equal(1, count);
    }

    [Fact]
    public void Should_keep_the_space_between_joint_issuers()
    {
        Assert.StartsWith("中共湖南省委 湖南省人民政府", Clean("003").Text, StringComparison.Ordinal);
    }
}
