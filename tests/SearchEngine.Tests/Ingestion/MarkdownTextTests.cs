using System.Diagnostics;
using SearchEngine.Ingestion.Readers;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Markdown mark-up goes, the document's own text and numbering stay; hostile input takes linear time.</summary>
public class MarkdownTextTests
{
    [Theory]
    [InlineData("# 深圳经济特区数据条例", "深圳经济特区数据条例")]
    [InlineData("## 第一章 总则 ##", "第一章 总则")]
    [InlineData("**第一条** 为了规范数据处理活动", "第一条 为了规范数据处理活动")]
    [InlineData("__第二条__ 本条例中下列用语的含义：", "第二条 本条例中下列用语的含义：")]
    [InlineData("*（一）* 数据，是指~~任何~~信息的记录。", "（一） 数据，是指任何信息的记录。")]
    [InlineData("详见[江西省人民政府网](http://www.jiangxi.gov.cn \"门户\")公告。", "详见江西省人民政府网公告。")]
    [InlineData("![二维码](qr.png)扫码办理", "二维码扫码办理")]
    [InlineData("赣府厅发[2020]4号", "赣府厅发[2020]4号")]
    [InlineData("期限为3~5年，file_name 与 3 * 4 照印", "期限为3~5年，file_name 与 3 * 4 照印")]
    [InlineData("- 省发展改革委", "省发展改革委")]
    [InlineData("* [x] 已完成", "已完成")]
    [InlineData("1. 加强组织领导", "1.加强组织领导")]
    [InlineData("2) step two", "2) step two")]
    [InlineData("> 一、总体要求", "一、总体要求")]
    [InlineData("| 序号 | 任务 | 责任单位 |\n| --- | :--- | ---: |\n| 1 | 建设**数据**平台 | 省政务局 |", "序号\t任务\t责任单位\n1\t建设数据平台\t省政务局")]
    [InlineData("正文<!-- 注释 -->继续\n<!--\n多行\n注释 -->\n下一段", "正文继续\n下一段")]
    [InlineData("2021年6月29日通过\n\n<!-- INFO END -->\n\n第一条", "2021年6月29日通过\n第一条")]
    [InlineData("```\ncode *kept*\n```\n文字", "code *kept*\n文字")]
    [InlineData("第一行\n第二行接续\n\n新段落", "第一行第二行接续\n新段落")]
    [InlineData("落款单位  \n2020年3月1日", "落款单位\n2020年3月1日")]
    [InlineData("one\ntwo", "one two")]
    [InlineData("标题\n===\n正文\n---\n其后", "标题\n正文\n其后")]
    [InlineData("[1]: http://example.com\n引用[文件][1]", "引用[文件][1]")]
    [InlineData("换行<br>标签与<http://a.cn>链接&nbsp;实体", "换行标签与http://a.cn链接\u00a0实体")]
    [InlineData("\\*不是强调\\*", "*不是强调*")]
    public void Should_turn_markdown_into_plain_paragraph_lines(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownText.ToPlainText(markdown).Text);
    }

    [Theory]
    [InlineData("# 深圳经济特区数据条例\n\n## 第一章 总则", "深圳经济特区数据条例")]
    [InlineData("前言\n\n# **江西省**数据条例\n\n# 第二个", "江西省数据条例")]
    [InlineData("江西省数据条例\n====\n", "江西省数据条例")]
    [InlineData("## 第一章 总则\n\n正文", null)]
    public void Should_declare_the_first_level_one_heading_as_the_title(string markdown, string? title)
    {
        Assert.Equal(title, MarkdownText.ToPlainText(markdown).Title);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("[")]
    [InlineData("](")]
    [InlineData("[](")]
    [InlineData("](x ")]
    [InlineData("<a")]
    [InlineData("<!--")]
    [InlineData("_")]
    [InlineData("`")]
    [InlineData("\\")]
    [InlineData("| ")]
    [InlineData("#")]
    [InlineData("> ")]
    public void Should_convert_a_megabyte_of_one_markup_character_in_linear_time(string unit)
    {
        string hostile = string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length));
        var clock = Stopwatch.StartNew();
        var (text, _) = MarkdownText.ToPlainText(hostile + "\n第一条 正文");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"'{unit}' x 1 MiB took {clock.Elapsed}");
        Assert.True(text.Length <= hostile.Length + 10);
    }
}
