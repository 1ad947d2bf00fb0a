using SearchEngine.Core.Documents;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Given the five real seeds, the section trees have every numbered heading at its level.</summary>
public class SeedStructureTests
{
    private static string Outline(PolicyDocument d) => string.Join("\n", d.Sections
        .Where(s => s.Level != HeadingLevel.Preamble)
        .Select(s => $"{new string(' ', s.Depth * 2)}{s.Level}:{s.Number}:{s.Title}"));

    [Fact]
    public void Should_give_the_web_page_and_the_pdf_of_the_same_plan_the_same_outline()
    {
        string web = Outline(Seeds.Build("000")), pdf = Outline(Seeds.Build("001"));
        Assert.Equal(web, pdf);
        Assert.Equal(5, Seeds.Build("000").Sections.Count(s => s.Level == HeadingLevel.Part));
        Assert.Equal(9, Seeds.Build("000").Sections.Count(s => s.Level == HeadingLevel.Box));
    }

    [Fact]
    public void Should_nest_each_box_under_the_industry_chapter_it_follows()
    {
        var d = Seeds.Build("000");
        var box = d.Sections.Single(s => s.Level == HeadingLevel.Box && s.Number == 7);
        var parent = d.Sections[box.Parent!.Value];
        Assert.Equal("新能源及智能网联汽车产业", parent.Title);
        Assert.Equal(["三、产业发展重点方向", "(七)新能源及智能网联汽车产业。", "专栏7:新能源及智能网联汽车产业"], box.HeadingPath);
    }

    [Fact]
    public void Should_find_every_item_of_002_although_its_headings_are_merged_into_running_text()
    {
        var d = Seeds.Build("002");
        var items = d.Sections.Where(s => s.Level == HeadingLevel.Item).ToList();
        Assert.Equal(Enumerable.Range(1, 12), items.Select(i => i.Number));
        Assert.All(items, i => Assert.Equal(HeadingLevel.Chapter, d.Sections[i.Parent!.Value].Level));
        Assert.Equal("前瞻布局未来产业", items[10].Title); // printed "IL" by OCR
        Assert.Equal(["行动目标", "行动举措"], d.Sections.Where(s => s.Level == HeadingLevel.Part).Select(s => s.Title));
        Assert.Equal(3, d.Sections.Count(s => s.Level == HeadingLevel.Chapter));
    }

    [Fact]
    public void Should_split_run_in_headings_at_the_first_full_stop()
    {
        var d = Seeds.Build("003");
        var petrochemicals = d.Sections.Single(s => s.Title == "现代石化");
        Assert.Equal("1.现代石化。", petrochemicals.Heading);
        Assert.StartsWith("推进石油化工", d.BodyOf(petrochemicals), StringComparison.Ordinal);
        Assert.Equal(4, d.Sections.Count(s => s.Level == HeadingLevel.Part));
    }

    [Fact]
    public void Should_keep_four_outline_levels_of_004()
    {
        var d = Seeds.Build("004");
        var sub = d.Sections.First(s => s.Level == HeadingLevel.SubItem);
        Assert.Equal(["一、培育好强科创动能", "(二)重点任务", "1.持续推动怀化市标志性科创工程建设", "(1)支持湖南省现代中药制药过程技术创新中心建设。"], sub.HeadingPath);
        Assert.Equal(3, sub.Depth);
    }

    [Fact]
    public void Should_tile_the_text_with_sections_in_order()
    {
        foreach (var d in Seeds.Report.Documents)
        {
            int expectedStart = 0;
            foreach (var s in d.Sections)
            {
                Assert.Equal(expectedStart, s.Start);
                Assert.InRange(s.BodyStart, s.Start, s.End);
                expectedStart = s.End;
            }
            Assert.Equal(d.Text.Length, expectedStart);
        }
    }
}
