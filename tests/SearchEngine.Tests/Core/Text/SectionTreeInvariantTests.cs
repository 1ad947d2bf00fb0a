using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;

namespace SearchEngine.Tests.Core.Text;

/// <summary>
/// Randomized: lines made of every kind of marker (notice outline, regulation, decimal, enclosed numerals,
/// attachments, titles, figures) always give a well-formed tree.
/// </summary>
public class SectionTreeInvariantTests
{
    private static readonly string[] Lines =
    [
        "一、总体要求", "二、重点任务", "三、保障措施", "（一）指导思想。坚持稳中求进。", "（二）基本原则。", "（四）扩大开放。",
        "1.建设平台。", "2.培育主体。", "（1）加强监测；", "（2）完善制度。", "专栏1：重点工程", "㈠指导思想", "⑵完善制度",
        "第一编　总　　则", "第二编 附则", "第一章　总　　则", "第二章 个人数据", "第一节 一般规定", "第二节 告知与同意",
        "第一条　为了规范管理，制定本条例。", "第二条 本条例所称数据，是指：", "第三条规定的情形除外。", "第一百零一条 施行。",
        "1 总则", "1.1 编制目的", "1.2编制依据", "2 组织体系", "2.1.1 指挥部办公室", "1.5亿元资金", "2.1%的增长",
        "附件", "附件1", "附件2：重点任务分工表", "附件：1．某某方案", "某某行动方案", "目　录", "第一部分 概况",
        "国务院办公厅", "2019年1月3日", "（此件公开发布）", "（三）", "功能定位", "为推进工作，制定本方案。", "一是加强统筹。",
        "各地区要高度重视，切实加强组织领导，确保各项任务落到实处。",
    ];

    [Fact]
    public void Should_build_trees_whose_sections_tile_the_text_and_nest_consistently()
    {
        var builder = new PolicyDocumentBuilder();
        var random = new Random(20240611);
        for (int run = 0; run < 2000; run++)
        {
            string raw = string.Join("\n", Enumerable.Range(0, random.Next(0, 40)).Select(_ => Lines[random.Next(Lines.Length)]));
            var d = builder.Build("x", "x.txt", SourceFormat.Text, raw);
            string where = $"run {run}:\n{raw}";
            int at = 0;
            for (int i = 0; i < d.Sections.Count; i++)
            {
                var s = d.Sections[i];
                Assert.True(s.Start == at && s.Start <= s.BodyStart && s.BodyStart <= s.End, $"sections do not tile the text at {s.Index} ({where})");
                at = s.End;
                Assert.True(s.Index == i, where);
                if (s.Parent is int p)
                {
                    var parent = d.Sections[p];
                    Assert.True(p < s.Index, $"parent {p} follows child {s.Index} ({where})");
                    Assert.True(s.Depth == parent.Depth + 1, $"depth of {s.Index} is not its parent's + 1 ({where})");
                    Assert.Equal(parent.HeadingPath, s.HeadingPath.Take(parent.HeadingPath.Count));
                }
                else
                {
                    Assert.Equal(0, s.Depth);
                }
                Assert.Equal(s.Level == HeadingLevel.Preamble ? 0 : s.Depth + 1, s.HeadingPath.Count);
            }
            Assert.True(at == d.Text.Length || d.Sections.Count == 0, where);
        }
    }
}
