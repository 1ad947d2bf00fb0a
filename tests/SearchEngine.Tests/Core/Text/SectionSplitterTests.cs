using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;

namespace SearchEngine.Tests.Core.Text;

/// <summary>
/// The section tree for each layout of Chinese official documents, on small realistic texts run through the
/// whole text pipeline. The tree is written as one breadcrumb label a line, indented two spaces a level.
/// </summary>
public class SectionSplitterTests
{
    private static readonly PolicyDocumentBuilder Builder = new();

    private static PolicyDocument Build(string text) => Builder.Build("x", "x.txt", SourceFormat.Text, text);

    private static string Tree(PolicyDocument d) => string.Join("\n", d.Sections
        .Where(s => s.Level != HeadingLevel.Preamble)
        .Select(s => new string(' ', 2 * s.Depth) + s.HeadingPath[^1]));

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    /// <summary>A decimal 应急预案 (emergency plan), kept beside this test rather than among the fixtures the ingestion tests count.</summary>
    internal static string DecimalPlanPath { get; } = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Text", "decimal-plan.txt");

    private const string Regulation = """
        某某市数据条例
        （2021年6月29日某某市人民代表大会常务委员会第二次会议通过）
        第一编　总　　则
        第一章　一般规定
        第一条　为了规范数据处理活动，保护自然人、法人和非法人组织的合法权益，制定本条例。
        第二条　本条例中下列用语的含义：
        （一）数据，是指任何以电子或者其他方式对信息的记录；
        （二）个人数据，是指载有可识别特定自然人信息的数据。
        第二章　个人数据
        第一节　一般规定
        第三条　处理个人数据应当符合下列要求：
        1.处理目的明确、合理；
        2.限于实现处理目的所必要的最小范围。
        第二节　告知与同意
        第四条　违反本条例第二条规定的，依照本条例第三条处理。
        第三条规定的情形除外。
        第二编　附　　则
        第三章　附则
        第五条　本条例自2022年1月1日起施行。
        """;

    [Fact]
    public void Should_nest_articles_under_sections_chapters_and_volumes_of_a_regulation()
    {
        Assert.Equal(Lines(
            "第一编 总则",
            "  第一章 一般规定",
            "    第一条",
            "    第二条",
            "      （一）数据，是指任何以电子或者其他方式对信息的记录；",
            "      （二）个人数据，是指载有可识别特定自然人信息的数据。",
            "  第二章 个人数据",
            "    第一节 一般规定",
            "      第三条",
            "        1.处理目的明确、合理；",
            "        2.限于实现处理目的所必要的最小范围。",
            "    第二节 告知与同意",
            "      第四条",
            "第二编 附则",
            "  第三章 附则",
            "    第五条"), Tree(Build(Regulation)));
    }

    [Fact]
    public void Should_nest_the_items_of_an_article_under_it_and_keep_citations_of_other_articles_as_text()
    {
        var d = Build(Regulation);
        var second = d.Sections.Single(s => s.Level == HeadingLevel.Article && s.Number == 2);
        Assert.Equal("第二条", second.Heading);
        Assert.Equal(["第一编 总则", "第一章 一般规定", "第二条"], second.HeadingPath);
        Assert.Equal("本条例中下列用语的含义：", d.BodyOf(second));
        var item = d.Sections.Single(s => s.Heading.StartsWith("（二）个人数据", StringComparison.Ordinal));
        Assert.Equal((HeadingLevel.Chapter, second.Index), (item.Level, item.Parent));
        Assert.Equal(["第一编 总则", "第一章 一般规定", "第二条", item.Heading], item.HeadingPath);
        Assert.Contains("第三条规定的情形除外", d.BodyOf(d.Sections.Single(s => s.Level == HeadingLevel.Article && s.Number == 4)), StringComparison.Ordinal);
        Assert.Equal("总则", d.Sections.First(s => s.Level == HeadingLevel.Volume).Title);
    }

    [Fact]
    public void Should_read_a_regulation_whose_chapter_title_is_printed_on_the_next_line()
    {
        var d = Build(Lines("某某办法", "第一章", "总　则", "第一条　为了规范管理，制定本办法。", "第二章", "附　则", "第二条　本办法自印发之日起施行。"));
        Assert.Equal(Lines("第一章 总则", "  第一条", "第二章 附则", "  第二条"), Tree(d));
    }

    [Fact]
    public void Should_nest_parenthesised_headings_numbered_continuously_across_parts()
    {
        var d = Build(Lines(
            "国务院关于促进某某产业发展的意见",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "为促进某某产业高质量发展，现提出以下意见。",
            "一、总体要求",
            "（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调。",
            "（二）基本原则。坚持市场主导、政府引导。",
            "二、重点任务",
            "（三）加强科技创新。支持企业加大研发投入。",
            "（四）扩大对外开放。鼓励企业参与国际合作。",
            "三、保障措施",
            "（五）加强组织领导。各地区、各部门要高度重视。",
            "（九）这一行跳过了三个序号，是正文而不是标题。",
            "一是加强统筹，二是压实责任。",
            "国务院",
            "2019年2月14日"));
        Assert.Equal(Lines(
            "一、总体要求",
            "  （一）指导思想。",
            "  （二）基本原则。",
            "二、重点任务",
            "  （三）加强科技创新。",
            "  （四）扩大对外开放。",
            "三、保障措施",
            "  （五）加强组织领导。"), Tree(d));
    }

    [Fact]
    public void Should_read_enclosed_numerals_as_their_outline_levels_and_circled_digits_as_text()
    {
        var d = Build(Lines(
            "某某实施方案",
            "一、总体要求",
            "㈠指导思想。坚持新发展理念。",
            "㈡工作目标。到2025年，基本建成体系。",
            "⑴产业规模。总产值达到1000亿元。",
            "⑵创新能力。研发投入强度达到3%。",
            "①其中规模以上企业占比超过一半。",
            "二、重点任务"));
        Assert.Equal(Lines(
            "一、总体要求",
            "  ㈠指导思想。",
            "  ㈡工作目标。",
            "    ⑴产业规模。",
            "    ⑵创新能力。",
            "二、重点任务"), Tree(d));
        Assert.Contains("①其中", d.BodyOf(d.Sections.Single(s => s.Heading == "⑵创新能力。")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_nest_decimal_headings_by_their_components_and_leave_figures_as_text()
    {
        var d = Build(File.ReadAllText(DecimalPlanPath));
        string tree = Tree(d);
        Assert.StartsWith(Lines("1 总则", "  1.1 编制目的", "  1.2 编制依据"), tree, StringComparison.Ordinal);
        Assert.Contains(Lines("2 组织指挥体系", "  2.1 市应急指挥部", "    2.1.1 指挥部办公室", "    2.1.2 工作组", "  2.2 县级应急指挥机构"), tree, StringComparison.Ordinal);
        Assert.Contains(Lines("  4.2 响应措施", "    1.组织群众转移避险；"), tree, StringComparison.Ordinal);
        Assert.DoesNotContain("1.5亿元", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("2.1%", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("3.5级", tree, StringComparison.Ordinal);
        Assert.DoesNotContain("2020年", tree, StringComparison.Ordinal);
        Assert.Equal(5, d.Sections.Count(s => s.Level == HeadingLevel.DecimalOutline && s.Depth == 0));
    }

    [Fact]
    public void Should_give_each_attachment_a_top_level_section_and_keep_the_attachment_list_as_text()
    {
        var d = Build(Lines(
            "国务院办公厅关于印发某某行动方案的通知",
            "国办发〔2019〕1号",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "《某某行动方案》已经国务院同意，现印发给你们，请认真贯彻执行。",
            "附件：1．某某行动方案",
            "2．重点任务分工表",
            "国务院办公厅",
            "2019年1月3日",
            "附件1",
            "某某行动方案",
            "为推进某某工作，制定本方案。",
            "一、总体要求",
            "（一）指导思想。坚持稳中求进。",
            "二、重点任务",
            "（二）加强创新。支持企业研发。",
            "附件2",
            "重点任务分工表",
            "一、创新任务",
            "1.建设创新平台。"));
        Assert.Equal(Lines(
            "附件1 某某行动方案",
            "  一、总体要求",
            "    （一）指导思想。",
            "  二、重点任务",
            "    （二）加强创新。",
            "附件2 重点任务分工表",
            "  一、创新任务",
            "    1.建设创新平台。"), Tree(d));
        var first = d.Sections.First(s => s.Level == HeadingLevel.Attachment);
        Assert.Equal(("某某行动方案", 1), (first.Title, first.Number));
        Assert.StartsWith("为推进某某工作", d.BodyOf(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_find_the_outline_of_a_plan_forwarded_after_a_notice_with_an_outline_of_its_own()
    {
        var d = Build(Lines(
            "某某省人民政府关于印发某某规定的通知",
            "各市、县人民政府：",
            "现将《某某规定》印发给你们，并就有关事项通知如下：",
            "一、高度重视。各地要把贯彻落实规定作为重要任务。",
            "二、抓好落实。各有关部门要细化措施。",
            "某某省人民政府",
            "2018年12月18日",
            "（此件公开发布）",
            "关于进一步支持文化企业发展的规定",
            "为进一步深化文化体制改革，特制定以下规定：",
            "一、关于财政税收",
            "（一）加大财政支持力度。",
            "二、关于投资和融资",
            "（二）鼓励社会资本投资。"));
        Assert.Equal(Lines(
            "一、高度重视。",
            "二、抓好落实。",
            "关于进一步支持文化企业发展的规定",
            "  一、关于财政税收",
            "    （一）加大财政支持力度。",
            "  二、关于投资和融资",
            "    （二）鼓励社会资本投资。"), Tree(d));
    }

    [Fact]
    public void Should_drop_a_table_of_contents_and_keep_the_body_it_lists()
    {
        var d = Build(Lines(
            "某某局2020年部门预算",
            "目　录",
            "第一部分　部门概况",
            "一、部门主要职责",
            "二、部门基本情况",
            "第二部分　名词解释",
            "第一部分　部门概况",
            "一、部门主要职责",
            "负责全省市场监督管理工作。",
            "二、部门基本情况",
            "内设机构十八个。",
            "第二部分　名词解释",
            "一、收入科目",
            "财政拨款：指省级财政当年拨付的资金。"));
        Assert.Equal(Lines(
            "第一部分 部门概况",
            "  一、部门主要职责",
            "  二、部门基本情况",
            "第二部分 名词解释",
            "  一、收入科目"), Tree(d));
    }

    [Fact]
    public void Should_take_the_heading_text_from_the_next_line_when_a_marker_stands_alone()
    {
        var d = Build(Lines("某某考核指标", "一、医疗质量", "（一）", "功能定位", "1.门诊人次数与出院人次数比", "（二）", "质量安全", "2.手术患者并发症发生率"));
        Assert.Equal(Lines(
            "一、医疗质量",
            "  （一） 功能定位",
            "    1.门诊人次数与出院人次数比",
            "  （二） 质量安全",
            "    2.手术患者并发症发生率"), Tree(d));
    }

    [Fact]
    public void Should_not_take_figures_dates_or_enumerations_at_the_start_of_a_line_for_headings()
    {
        var d = Build(Lines(
            "某某工作要点",
            "一、稳定经济增长",
            "2.1%的增长率高于全国平均水平。",
            "1.5亿元专项资金已全部下达。",
            "2020年全市生产总值增长3.5%。",
            "一是稳投资，二是促消费。",
            "第十二条规定的情形，按照有关规定办理。",
            "二、深化改革开放"));
        Assert.Equal(Lines("一、稳定经济增长", "二、深化改革开放"), Tree(d));
    }

    [Fact]
    public void Should_split_a_regulation_scraped_into_one_line_at_its_spaced_chapters_and_articles()
    {
        var d = Build(Lines(
            "某市人民政府关于印发某市储备粮管理办法的通知",
            "各县、区人民政府，市政府各部门：现将《某市储备粮管理办法》印发给你们，请认真贯彻落实。某市人民政府2023年9月5日（此件公开发布）某市储备粮管理办法"
            + "第一章  总    则第一条  为加强储备粮管理，依照《粮食流通管理条例》第十二条规定，制定本办法。第二条  本办法所称储备粮，是指市人民政府储备的原粮。"
            + "第二章  计    划第三条  按照省下达的计划，制定分解计划，第五条规定的除外。"));
        Assert.Equal(Lines("第一章 总则", "  第一条", "  第二条", "第二章 计划", "  第三条"), Tree(d));
        Assert.Contains("第十二条规定", d.BodyOf(d.Sections.Single(s => s.Level == HeadingLevel.Article && s.Number == 1)), StringComparison.Ordinal);
    }
}
