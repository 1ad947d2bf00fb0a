using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
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
    [InlineData("does-not-exist.txt", "could not be read")]
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
        Assert.Equal(8, report.Documents.Count); // 7 policies and the file that is no policy
        Assert.Contains(report.Failures, f => f.Source == "binary.txt");
        Assert.Contains(report.Failures, f => f.Source == "truncated.docx");
        Assert.Contains(report.Warnings, w => w.Source == "not-a-policy.txt");
        Assert.DoesNotContain(report.Warnings, w => w.Source.StartsWith("policy", StringComparison.Ordinal));
    }
}
