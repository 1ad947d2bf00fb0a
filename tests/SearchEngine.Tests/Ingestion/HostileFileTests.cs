using System.Diagnostics;
using System.IO.Compression;
using SearchEngine.Core.Metadata;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Ingestion.Readers;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Files built to hurt the readers get a clear reason, in bounded time, and nothing else is affected.</summary>
public sealed class HostileFileTests : TempFolderTest
{
    [Fact]
    public void Should_refuse_a_docx_zip_bomb_without_inflating_it()
    {
        string path = Path.Combine(Folder, "bomb.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++)
                stream.Write(zeros);
        }
        Assert.True(new FileInfo(path).Length < 1 << 20);
        var result = new DocxReader().Read(path);
        Assert.False(result.Succeeded);
        Assert.Contains("zip bomb", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_still_read_ordinary_html_with_its_nesting_counted()
    {
        Assert.InRange(HtmlReader.NestingDepth(File.ReadAllText(Seeds.Fixture("policy.html"))), 3, 40);
        Assert.Equal(2, HtmlReader.NestingDepth("<div><p>a<br>b<img src=x/></p></div><!-- <div> -->"));
    }

    [Theory]
    [InlineData("<div></span><div></span><div></span>", 3)] // a stray end tag closes nothing
    [InlineData("<div/><div/><div/>", 3)] // a self-closed div is an open div
    [InlineData("<div><span><b></div><div>", 3)] // an end tag closes what was opened after its element too
    [InlineData("<div><p>a<p>b<p>c</div>", 2)] // a <p> closes the <p> before it
    [InlineData("<ul><li>a<li>b<li><ul><li>c</ul></ul>", 4)]
    [InlineData("<script>if (a<b) document.write('<div><div><div>')</script><div>", 1)] // script text builds nothing
    [InlineData("<!-- <div><div><div> --><div>", 1)]
    [InlineData("<svg><title><div><div><div></div></div></div></title></svg>", 5)] // an svg title is parsed
    [InlineData("<br/><img src=x /><hr><input>", 0)]
    [InlineData("<div><object></div><div><object></div>", 4)] // an end tag does not reach past a scope boundary
    [InlineData("<p><button></p><p><button></p>", 4)] // nor a </p> past a button
    [InlineData("<li><ul></li><li><ul></li>", 4)] // nor an </li> past a list
    [InlineData("<span><div></span><span><div></span>", 4)] // nor a </span> past a special element such as div
    public void Should_estimate_nesting_as_the_parser_builds_it(string html, int depth) =>
        Assert.Equal(depth, HtmlReader.NestingDepth(html));

    [Theory]
    [InlineData("<div></span>")]
    [InlineData("<i/></x-y>")]
    [InlineData("<div><object></div>")]
    [InlineData("<li><ul></li>")]
    [InlineData("<div/>")]
    [InlineData("<DIV/>\n</P>")]
    public void Should_refuse_html_made_deep_by_tags_a_count_would_miss_quickly(string repeated)
    {
        // Given a page of 200,000 repetitions of a unit that nests one level deeper in the parser
        string path = Path.Combine(Folder, "hostile.html");
        var html = new System.Text.StringBuilder("<html><body>");
        for (int i = 0; i < 200_000; i++)
            html.Append(repeated);
        File.WriteAllText(path, html.Append("关于深层嵌套的通知。一、总则。</body></html>").ToString());

        // When it is read
        var clock = Stopwatch.StartNew();
        var result = new HtmlReader().Read(path);

        // Then it is refused before parsing, in about the time a scan of the text takes
        Assert.False(result.Succeeded);
        Assert.Contains("levels deep", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_not_refuse_a_long_page_of_unclosed_paragraphs_and_list_items()
    {
        string page = "<html><body><div class=\"content\">" + string.Concat(Enumerable.Repeat("<p>第一条 为了推进氢能产业发展。<ul><li>一<li>二</ul>", 10_000)) + "</div></body></html>";
        Assert.InRange(HtmlReader.NestingDepth(page), 4, 6);
    }

    [Theory]
    [InlineData("../../evil.xml")]
    [InlineData("/etc/passwd")]
    [InlineData("word/../../x.xml")]
    public void Should_refuse_a_docx_with_unsafe_entry_paths(string entry)
    {
        string path = Path.Combine(Folder, "paths.docx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry(entry).Open()))
            writer.Write("<x/>");
        var result = new DocxReader().Read(path);
        Assert.False(result.Succeeded);
        Assert.Contains("unsafe path", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_html_nested_hundreds_of_thousands_deep_quickly()
    {
        string path = Path.Combine(Folder, "deep.html");
        const int Depth = 200_000;
        File.WriteAllText(path, "<html><body>" + string.Concat(Enumerable.Repeat("<div>", Depth)) + "关于深层嵌套的通知。一、总则。推进氢能产业发展。" + string.Concat(Enumerable.Repeat("</div>", Depth)) + "</body></html>");
        var clock = Stopwatch.StartNew();
        var (document, error) = new PolicyFileIngester().IngestFile(path, "deep.html");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Null(document);
        Assert.Contains("levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_stop_a_hanging_pdf_extraction_at_its_time_limit()
    {
        string tool = Path.Combine(Folder, "slow-pdftotext");
        File.WriteAllText(tool, "#!/bin/sh\nsleep 30\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var clock = Stopwatch.StartNew();
        var result = new PdfReader(TimeSpan.FromSeconds(1), tool).Read(Seeds.Fixture("policy.pdf"));
        Assert.False(result.Succeeded);
        Assert.Contains("did not finish within 1 s", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_refuse_a_pdf_that_yields_more_text_than_the_limit_as_soon_as_it_does()
    {
        // Given a converter that prints text without end, as a PDF of repeated content streams makes pdftotext do
        string tool = Path.Combine(Folder, "loud-pdftotext");
        File.WriteAllText(tool, "#!/bin/sh\nyes '第一条 为了推进氢能产业发展，制定本办法。'\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        // When a PDF is read with it, under a time limit far above what reading the limit's worth of text takes
        var clock = Stopwatch.StartNew();
        var result = new PdfReader(TimeSpan.FromSeconds(60), tool).Read(Seeds.Fixture("policy.pdf"));

        // Then the reader says the PDF yields too much text, stopped at the text limit and not at the time limit
        Assert.False(result.Succeeded);
        Assert.Contains($"yields more than {ReadLimits.MaxTextChars >> 20} M characters", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_refuse_text_over_the_limit_from_any_reader()
    {
        string path = Path.Combine(Folder, "long.txt");
        File.WriteAllText(path, "x");
        var ingester = new PolicyFileIngester([new LongTextReader(ReadLimits.MaxTextChars + 1)]);
        var (document, error) = ingester.IngestFile(path, "long.txt");
        Assert.Null(document);
        Assert.Contains("more than 8 M characters of text", error, StringComparison.Ordinal);
    }

    /// <summary>A reader that returns text of a given length, whatever the file.</summary>
    private sealed class LongTextReader(int length) : IDocumentReader
    {
        public SearchEngine.Core.Documents.SourceFormat Format => SearchEngine.Core.Documents.SourceFormat.Text;

        public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

        public ReadResult Read(string path) => ReadResult.Ok(new string('条', length));
    }

    [Fact]
    public void Should_report_a_missing_pdftotext_with_what_to_install()
    {
        var result = new PdfReader(tool: "/no/such/pdftotext").Read(Seeds.Fixture("policy.pdf"));
        Assert.False(result.Succeeded);
        Assert.Contains("poppler-utils", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_binary_garbage_with_a_text_name()
    {
        string path = Path.Combine(Folder, "garbage.txt");
        var bytes = new byte[4096];
        new Random(1).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var (document, error) = new PolicyFileIngester().IngestFile(path, "garbage.txt");
        Assert.Null(document);
        Assert.Contains("binary", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".md", "empty")]
    [InlineData(".doc", "empty")]
    [InlineData(".wps", "empty")]
    [InlineData(".xlsx", "truncated or corrupt")]
    [InlineData(".ofd", "truncated or corrupt")]
    public void Should_refuse_an_empty_file_of_each_new_format(string extension, string reason)
    {
        string path = Path.Combine(Folder, "empty" + extension);
        File.WriteAllBytes(path, []);
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".md", "binary")]
    [InlineData(".doc", "no OLE2 signature")]
    [InlineData(".wps", "no OLE2 signature")]
    [InlineData(".xlsx", "truncated or corrupt")]
    [InlineData(".ofd", "truncated or corrupt")]
    public void Should_refuse_binary_garbage_with_the_right_extension(string extension, string reason)
    {
        string path = Path.Combine(Folder, "garbage" + extension);
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x01; // no format's signature by chance
        File.WriteAllBytes(path, bytes);
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_compound_file_no_converter_can_read()
    {
        string path = Path.Combine(Folder, "broken.doc");
        var bytes = new byte[8192];
        new Random(3).NextBytes(bytes);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);
        var result = new DocReader().Read(path);
        Assert.False(result.Succeeded);
        Assert.Contains("antiword could not read it", result.Error, StringComparison.Ordinal);
        Assert.Contains("no Word document stream", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.xlsx")]
    [InlineData("policy.ofd")]
    public void Should_refuse_a_truncated_zip(string fixture)
    {
        var bytes = File.ReadAllBytes(Seeds.Fixture(fixture));
        string path = Path.Combine(Folder, "truncated" + Path.GetExtension(fixture));
        File.WriteAllBytes(path, bytes[..(bytes.Length * 40 / 100)]);
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains("truncated or corrupt", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".xlsx", "xl/worksheets/sheet1.xml")]
    [InlineData(".ofd", "Doc_0/Pages/Page_0/Content.xml")]
    public void Should_refuse_a_zip_bomb_of_each_zip_format_without_inflating_it(string extension, string entry)
    {
        string path = Path.Combine(Folder, "bomb" + extension);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++)
                stream.Write(zeros);
        }
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains("zip bomb", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.xlsx", "../../evil.xml")]
    [InlineData("policy.ofd", "Doc_0/../../evil.xml")]
    [InlineData("policy.ofd", "/etc/passwd")]
    public void Should_refuse_a_zip_with_an_unsafe_entry_path(string fixture, string entry)
    {
        string path = Path.Combine(Folder, "unsafe" + Path.GetExtension(fixture));
        File.Copy(Seeds.Fixture(fixture), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        using (var writer = new StreamWriter(zip.CreateEntry(entry).Open()))
            writer.Write("<x/>");
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains("unsafe path", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.ofd", "Doc_0/Document.xml", "refers to 'Doc_0/Document.xml', which it does not contain")]
    [InlineData("policy.ofd", "Doc_0/Pages/Page_1/Content.xml", "refers to page 'Pages/Page_1/Content.xml'")]
    [InlineData("policy.ofd", "OFD.xml", "no OFD.xml")]
    [InlineData("policy.xlsx", "xl/worksheets/sheet2.xml", ".xlsx")]
    public void Should_refuse_a_file_whose_referenced_part_is_missing(string fixture, string removed, string reason)
    {
        string path = Path.Combine(Folder, "missing" + Path.GetExtension(fixture));
        File.Copy(Seeds.Fixture(fixture), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
            zip.GetEntry(removed)!.Delete();
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.Null(document);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.ofd", "Doc_0/Pages/Page_0/Content.xml", "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer>", "ofd:PageBlock")]
    [InlineData("policy.xlsx", "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row><c t=\"inlineStr\"><is>", "r")]
    public void Should_refuse_xml_nested_a_hundred_thousand_deep_quickly(string fixture, string part, string prefix, string element)
    {
        string path = Path.Combine(Folder, "deep" + Path.GetExtension(fixture));
        File.Copy(Seeds.Fixture(fixture), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry(part)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            const int Depth = 100_000; // small enough that the zip-bomb ratio check does not answer first
            writer.Write(prefix);
            for (int i = 0; i < Depth; i++)
                writer.Write($"<{element}>");
            writer.Write("一、总则");
            for (int i = 0; i < Depth; i++)
                writer.Write($"</{element}>");
        }
        var clock = Stopwatch.StartNew();
        var (document, error) = new PolicyFileIngester().IngestFile(path, Path.GetFileName(path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Null(document);
        Assert.Contains("levels deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_an_ofd_with_a_dtd_that_expands_entities()
    {
        string path = Path.Combine(Folder, "laughs.ofd");
        File.Copy(Seeds.Fixture("policy.ofd"), path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            zip.GetEntry("OFD.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("OFD.xml").Open());
            writer.Write("<?xml version=\"1.0\"?><!DOCTYPE ofd:OFD [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocInfo><ofd:Title>&b;</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        }
        var result = new OfdReader().Read(path);
        Assert.False(result.Succeeded);
        Assert.Contains("malformed XML", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_stop_a_hanging_doc_converter_at_its_time_limit()
    {
        string tool = Path.Combine(Folder, "slow-antiword");
        File.WriteAllText(tool, "#!/bin/sh\nsleep 30\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var clock = Stopwatch.StartNew();
        var result = new DocReader(TimeSpan.FromSeconds(1), antiword: tool).Read(Seeds.Fixture("policy.doc"));
        Assert.False(result.Succeeded);
        Assert.Contains("antiword did not finish within 1 s", result.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Should_report_missing_doc_converters_with_what_to_install()
    {
        var result = new DocReader(antiword: "/no/such/antiword", soffice: "/no/such/soffice").Read(Seeds.Fixture("policy.wps"));
        Assert.False(result.Succeeded);
        Assert.Contains("apt-get install antiword", result.Error, StringComparison.Ordinal);
        Assert.Contains("libreoffice-writer-nogui", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_fall_back_to_libreoffice_when_antiword_is_missing()
    {
        var result = new DocReader(antiword: "/no/such/antiword").Read(Seeds.Fixture("policy.doc"));
        Assert.True(result.Succeeded, result.Error);
        var lines = result.Text!.Split('\n');
        Assert.Equal("赣府厅发〔2020〕9号", lines[1]);
        Assert.Contains("（一）工作目标", lines);
    }

    [Fact]
    public void Should_read_a_doc_that_is_really_rtf_with_gbk_bytes_and_unicode_escapes()
    {
        string path = Path.Combine(Folder, "rtf.doc");
        var gbk = System.Text.Encoding.GetEncoding("GB18030");
        string Hex(string s) => string.Concat(gbk.GetBytes(s).Select(b => $"\\'{b:x2}"));
        string rtf = @"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 " + Hex("宋体") + @";}}"
            + @"{\*\generator WPS Office}{\info{\title " + Hex("关于做好防汛工作的通知") + @"}{\author " + Hex("江西省人民政府办公厅") + "}}"
            + @"\pard\f0 " + Hex("赣府厅字〔2020〕30号") + @"\par "
            + @"\uc1\u19968?\u12289?" + Hex("总体要求") + @"\par "
            + @"{\pict\pngblip 89504e47}" + Hex("（一）压实责任") + @"\tab x\par}";
        File.WriteAllText(path, rtf, System.Text.Encoding.ASCII);
        var (document, error) = new PolicyFileIngester().IngestFile(path, "rtf.doc");
        Assert.True(document is not null, error);
        Assert.Contains("赣府厅字〔2020〕30号", document.Text, StringComparison.Ordinal);
        var read = new DocReader().Read(path);
        Assert.Equal(["赣府厅字〔2020〕30号", "一、总体要求", "（一）压实责任\tx"], read.Text!.Split('\n'));
        Assert.Equal("关于做好防汛工作的通知", read.Properties[SourceProperties.Title]);
        Assert.Equal("江西省人民政府办公厅", read.Properties[SourceProperties.Author]);
    }

    [Fact]
    public void Should_refuse_rtf_nested_too_deeply()
    {
        string path = Path.Combine(Folder, "deep.doc");
        File.WriteAllText(path, @"{\rtf1" + new string('{', 100_000) + "x" + new string('}', 100_001));
        var result = new DocReader().Read(path);
        Assert.False(result.Succeeded);
        Assert.Contains("nests groups", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy.docx", "数字政府")]
    [InlineData("policy.html", "智能网联汽车")]
    public void Should_hand_a_doc_that_is_really_another_format_to_its_reader(string fixture, string term)
    {
        string path = Path.Combine(Folder, "misnamed.doc");
        File.Copy(Seeds.Fixture(fixture), path);
        var result = new DocReader().Read(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(term, result.Text, StringComparison.Ordinal);
    }
}
