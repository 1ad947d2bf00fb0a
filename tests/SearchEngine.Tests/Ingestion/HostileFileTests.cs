using System.Diagnostics;
using System.IO.Compression;
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
}
