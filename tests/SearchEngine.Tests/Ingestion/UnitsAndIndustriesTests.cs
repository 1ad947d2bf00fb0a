using SearchEngine.Core.Documents;
using SearchEngine.Core.Industries;
using SearchEngine.Core.Units;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

public class UnitsAndIndustriesTests
{
    [Fact]
    public void Should_mark_the_lead_unit_and_list_the_others_of_a_004_task()
    {
        var d = Seeds.Build("004");
        var task = d.Sections.First(s => s.Level == HeadingLevel.SubItem);
        Assert.Equal(new ResponsibleUnit("市科技局", true), task.Units[0]);
        Assert.Equal(["市财政局", "市卫生健康委", "市工业和信息化局", "市农业农村局"], task.Units.Skip(1).Select(u => u.Name));
        Assert.All(task.Units.Skip(1), u => Assert.False(u.IsLead));
    }

    [Fact]
    public void Should_read_responsible_unit_lists_of_002_across_page_breaks()
    {
        var d = Seeds.Build("002");
        var first = d.Sections.Single(s => s.Level == HeadingLevel.Item && s.Number == 1);
        Assert.Equal(["省科技厅", "省发展改革委", "省教育厅", "省自然资源厅", "省财政厅", "长株潭三市人民政府"], first.Units.Select(u => u.Name));
    }

    [Theory]
    [InlineData("（市工信局牵头，市发改委、市人社局等按职责分工负责）", "市工业和信息化局*,市发展改革委,市人力资源社会保障局")]
    [InlineData("（责任单位：省科技厅、省工信厅）", "省科技厅,省工业和信息化厅")]
    [InlineData("（市工业和信息化局牵头负责）", "市工业和信息化局*")]
    [InlineData("（市科技局、市商务局牵头，市财政局等按职责分工负责）", "市科技局*,市商务局*,市财政局")]
    [InlineData("[市政府办(金融工作科)、人民银行怀化市分行等按职责分工负责]", "市政府办(金融工作科),人民银行怀化市分行")]
    [InlineData("（责任单位：省科技厅、长株潭三", "省科技厅")]
    [InlineData("（以下简称自创区）", "")]
    public void Should_normalise_unit_names_and_mark_leads(string clause, string expected)
    {
        var units = ResponsibleUnitExtractor.Default.Extract("推进工作。" + clause);
        Assert.Equal(expected, string.Join(",", units.Select(u => u.Name + (u.IsLead ? "*" : ""))));
    }

    [Fact]
    public void Should_not_tag_a_hydrogen_section_with_biology_for_a_single_listed_mention()
    {
        var industries = IndustryClassifier.Default.Classify("（三）加快氢能产业发展",
            "推动氢能制储运加用全链条发展，建设加氢站，发展燃料电池汽车。统筹新材料、生物、新能源等产业协同。");
        Assert.Contains("氢能", industries);
        Assert.DoesNotContain("生物", industries);
        Assert.DoesNotContain("新材料", industries);
    }

    [Fact]
    public void Should_tag_each_industry_chapter_of_000_with_its_own_industry()
    {
        var d = Seeds.Build("000");
        string IndustryOf(string title) => d.Sections.Single(s => s.Title == title && s.Level == HeadingLevel.Chapter).Industries[0];
        Assert.Equal("新材料", IndustryOf("新材料产业"));
        Assert.Equal("航空航天", IndustryOf("航空航天产业"));
        Assert.Equal("新一代信息技术", IndustryOf("新一代信息技术产业"));
        Assert.Equal("节能环保", IndustryOf("节能环保产业"));
        Assert.Equal("新能源汽车", IndustryOf("新能源及智能网联汽车产业"));
    }
}
