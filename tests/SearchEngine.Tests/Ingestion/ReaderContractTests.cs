using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Ingestion.Readers;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Every reader, through the ingester: good files become documents, bad ones a specific reason.</summary>
public class ReaderContractTests
{
    private static readonly PolicyFileIngester Ingester = new();

    [Theory]
    [InlineData("policy-utf8.txt", SourceFormat.Text, "湘政办发〔2022〕15号", "氢能")]
    [InlineData("policy-utf8-bom.txt", SourceFormat.Text, "湘政办发〔2022〕18号", "北斗")]
    [InlineData("policy-gb18030.txt", SourceFormat.Text, "湘政办发〔2022〕22号", "工业互联网")]
    [InlineData("policy-utf16le.txt", SourceFormat.Text, "湘政办发〔2022〕27号", "人工智能")]
    [InlineData("policy.html", SourceFormat.Html, "湘政办发〔2022〕16号", "智能网联汽车")]
    [InlineData("policy.docx", SourceFormat.Docx, "湘政办发〔2022〕31号", "数字政府")]
    [InlineData("policy.pdf", SourceFormat.Pdf, "湘政发〔2022〕8号", "储能")]
    [InlineData("policy.md", SourceFormat.Markdown, "赣府厅发〔2020〕4号", "公共数据")]
    [InlineData("policy.doc", SourceFormat.Doc, "赣府厅发〔2020〕9号", "营商环境")]
    [InlineData("policy.wps", SourceFormat.Doc, "赣府厅字〔2020〕12号", "春耕生产")]
    [InlineData("policy.xlsx", SourceFormat.Spreadsheet, "赣府厅发〔2020〕15号", "数字经济")]
    [InlineData("policy.ofd", SourceFormat.Ofd, "赣府发〔2020〕7号", "5G")]
    public void Should_read_each_format_into_a_structured_document(string fixture, SourceFormat format, string number, string term)
    {
        var (document, error) = Ingester.IngestFile(Seeds.Fixture(fixture), fixture);
        Assert.True(document is not null, $"{fixture}: {error}");
        Assert.Equal(format, document.Format);
        Assert.Equal(number, document.Metadata.DocumentNumber?.Value.ToString());
        Assert.Contains(term, document.Metadata.Title?.Value ?? "", StringComparison.Ordinal);
        Assert.Contains(document.Sections, s => s.Level == HeadingLevel.Part);
        Assert.Contains(document.Sections, s => s.Level == HeadingLevel.Chapter);
        Assert.DoesNotContain('\uFFFD', document.Text); // no decoding damage
    }

    [Theory]
    [InlineData("policy-utf8.txt", "2022-03-01")]
    [InlineData("policy-utf8-bom.txt", "2022-03-15")]
    [InlineData("policy-gb18030.txt", "2022-04-06")]
    [InlineData("policy-utf16le.txt", "2022-05-10")]
    [InlineData("policy.html", "2022-03-03")]
    [InlineData("policy.docx", "2022-06-02")]
    [InlineData("policy.pdf", "2022-07-01")]
    [InlineData("policy.md", "2020-02-10")]
    [InlineData("policy.doc", "2020-03-20")]
    [InlineData("policy.wps", "2020-03-06")]
    [InlineData("policy.ofd", "2020-03-12")]
    public void Should_read_the_signature_date_at_the_end_of_a_notice(string fixture, string signingDate)
    {
        var (document, _) = Ingester.IngestFile(Seeds.Fixture(fixture), fixture);
        Assert.NotNull(document);
        Assert.Equal(DateOnly.Parse(signingDate, System.Globalization.CultureInfo.InvariantCulture), document.Metadata.SigningDate?.Value);
        Assert.Equal(Provenance.Printed, Assert.Single(document.Metadata.Issuers).Provenance);
    }

    [Fact]
    public void Should_decode_gb18030_characters_outside_gbk()
    {
        var (document, _) = Ingester.IngestFile(Seeds.Fixture("policy-gb18030.txt"), "policy-gb18030.txt");
        string raw = File.ReadAllText(Seeds.Fixture("policy-utf8.txt"));
        Assert.NotNull(document);
        Assert.Matches("[镕堃]", document.Text);
        Assert.NotEqual(raw, document.Text);
    }

    [Fact]
    public void Should_keep_the_article_and_drop_the_page_furniture_of_html()
    {
        var (document, _) = Ingester.IngestFile(Seeds.Fixture("policy.html"), "policy.html");
        Assert.NotNull(document);
        Assert.DoesNotContain("版权所有", document.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("网站标识码", document.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 3, 5), document.Metadata.PublicationDate?.Value);
        Assert.Equal("湖南省人民政府网站", document.Metadata.Publisher?.Value);
        Assert.Equal("湖南省人民政府办公厅关于加快智能网联汽车产业发展的通知", document.Metadata.Title?.Value); // printed as the page's <h1>, cited with its issuer
    }

    [Fact]
    public void Should_strip_markdown_syntax_but_keep_info_lines_articles_and_the_table()
    {
        var read = new MarkdownReader().Read(Seeds.Fixture("policy.md"));
        Assert.True(read.Succeeded, read.Error);
        var lines = read.Text!.Split('\n');
        Assert.Equal("江西省人民政府办公厅关于加强公共数据管理的通知", read.Properties[SourceProperties.Title]);
        Assert.Equal("江西省人民政府办公厅关于加强公共数据管理的通知", lines[0]);
        Assert.Contains("2020年2月10日 江西省人民政府办公厅印发", lines); // an info line, kept for metadata extraction
        Assert.Contains("第一章 总则", lines);
        Assert.Contains("第一条 为了规范公共数据管理，促进公共数据共享开放，根据有关法律、法规，结合本省实际，制定本办法。", lines);
        Assert.Contains("1.编制目录清单。各地各部门要按照统一标准编制本单位公共数据目录，于每年3月底前报送。", lines);
        Assert.Contains("1\t人口基础信息\t省公安厅\t2020年6月", lines);
        Assert.Contains("以数字政府建设为牵引，依托江西省人民政府网和省电子政务共享数据统一交换平台，推动公共数据统一目录、统一标准、统一交换，打破信息孤岛。", lines);
        Assert.Equal(31, lines.Length);
        foreach (var markup in new[] { "#", "**", "<!--", "|", "http", "](", "- " })
            Assert.DoesNotContain(markup, read.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.doc", "赣府厅发〔2020〕9号", "（一）工作目标", 23)]
    [InlineData("policy.wps", "赣府厅字〔2020〕12号", "（一）落实生产任务", 21)]
    public void Should_read_word_binary_documents_with_antiword_as_one_line_a_paragraph(string fixture, string number, string secondHeading, int paragraphs)
    {
        var read = new DocReader().Read(Seeds.Fixture(fixture));
        Assert.True(read.Succeeded, read.Error);
        var lines = read.Text!.Split('\n');
        Assert.Equal(number, lines[1]);
        Assert.Equal(secondHeading, lines[5]); // antiword's "1 " in front of a heading style is gone
        Assert.Equal(paragraphs, lines.Length);
        Assert.Equal("（此件主动公开）", lines[^1]);
    }

    [Fact]
    public void Should_read_each_sheet_under_its_name_with_cells_separated_by_tabs()
    {
        var read = new XlsxReader().Read(Seeds.Fixture("policy.xlsx"));
        Assert.True(read.Succeeded, read.Error);
        var lines = read.Text!.Split('\n');
        Assert.Equal("正文", lines[0]);
        Assert.Equal("江西省人民政府办公厅关于印发江西省数字经济重点任务分工方案的通知", lines[1]);
        Assert.Equal("赣府厅发〔2020〕15号", lines[2]);
        int table = Array.IndexOf(lines, "任务分工");
        Assert.Equal(15, table);
        Assert.Equal("序号\t重点任务\t责任单位\t完成时限", lines[table + 1]);
        Assert.Equal("2\t推进5G基站建设\t省通信管理局\t2021年6月", lines[table + 3]); // a number, shared strings, an inline string
        Assert.Equal(table + 5, lines.Length);
        Assert.Equal("江西省人民政府办公厅关于印发江西省数字经济重点任务分工方案的通知", read.Properties[SourceProperties.Title]);
        Assert.Equal("2020-04-03", read.Properties[SourceProperties.Date]);
    }

    [Fact]
    public void Should_lay_out_ofd_text_codes_in_reading_order_and_paragraphs()
    {
        var read = new OfdReader().Read(Seeds.Fixture("policy.ofd"));
        Assert.True(read.Succeeded, read.Error);
        var lines = read.Text!.Split('\n');
        Assert.Equal(16, lines.Length);
        Assert.Equal("江西省人民政府关于加快推进5G发展的通知", lines[0]);
        Assert.Equal("赣府发〔2020〕7号", lines[1]);
        Assert.Equal("一、总体要求", lines[4]);
        // three printed lines, one paragraph
        Assert.Equal("到2022年，全省建成5G基站5万个以上，实现县城以上城区5G网络全覆盖，5G产业规模突破1000亿元，培育一批5G应用示范项目。", lines[6]);
        // wraps from page 1 onto page 2
        Assert.Equal("各地要将5G基站纳入国土空间规划，开放公共建筑和杆塔资源，简化审批流程，降低建设成本，推动5G网络向乡镇延伸覆盖。", lines[9]);
        Assert.Equal(["江西省人民政府", "2020年3月12日"], lines[^2..]);
        Assert.Equal("江西省人民政府关于加快推进5G发展的通知", read.Properties[SourceProperties.Title]);
        Assert.Equal("江西省人民政府", read.Properties[SourceProperties.Author]);
        Assert.Equal("2020-03-12", read.Properties[SourceProperties.Date]);
    }

    [Fact]
    public void Should_rejoin_the_lines_pdftotext_breaks()
    {
        var (document, _) = Ingester.IngestFile(Seeds.Fixture("policy.pdf"), "policy.pdf");
        Assert.NotNull(document);
        var longest = document.Text.Split('\n').Max(l => l.Length);
        Assert.True(longest > 60, "paragraphs of the PDF should be joined into long lines");
    }

    [Theory]
    [InlineData("empty.txt", "empty")]
    [InlineData("binary.txt", "binary")]
    [InlineData("truncated.docx", "truncated or corrupt")]
    [InlineData("no-text.pdf", "no text layer")]
    [InlineData("unknown.xyz", "unsupported file type '.xyz'")]
    [InlineData("does-not-exist.txt", "not found")]
    public void Should_report_a_specific_reason_for_each_bad_file(string fixture, string reason)
    {
        var (document, error) = Ingester.IngestFile(Seeds.Fixture(fixture), fixture);
        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ingest_the_good_files_of_a_folder_and_report_the_bad_ones()
    {
        var report = Ingester.Ingest([Seeds.Fixture("")], Seeds.Fixture(""));
        Assert.Equal(13, report.Documents.Count); // 12 policies and the file that is no policy
        Assert.Contains(report.Failures, f => f.Source == "binary.txt");
        Assert.Contains(report.Failures, f => f.Source == "truncated.docx");
        Assert.Contains(report.Warnings, w => w.Source == "not-a-policy.txt");
        Assert.DoesNotContain(report.Warnings, w => w.Source.StartsWith("policy", StringComparison.Ordinal));
    }
}
