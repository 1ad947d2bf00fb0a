using System.Diagnostics;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// Given a government page printed to PDF by a browser (as users save pages they cite: the print stamp and the
/// page title on top, the address and a page counter at the foot, the information table broken into columns),
/// when it is ingested, then title, issuer, number and date are those the page prints. The PDFs are printed here
/// with Debian's Chromium, which .ci/run installs for the browser tests.
/// </summary>
public class PrintedPageTests : TempFolderTest
{
    [Theory]
    [InlineData("cn-gov-049.html", "国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报", "国务院办公厅", "国办发〔2004〕7号", "2004-01-16")]
    [InlineData("jx-4975_1515154.html", "江西省人民政府关于抢时间保进度强弱项补缺口努力实现全年经济社会发展目标的实施意见", "江西省人民政府", "赣府发〔2020〕6号", "2020-03-02")]
    [InlineData("jx-4975_1503934.html", "江西省人民政府办公厅关于新时代推进普通高中育人方式改革的实施意见", "江西省人民政府办公厅", "赣府厅发〔2020〕4号", "2020-02-05")]
    public void Should_read_a_page_printed_to_pdf_as_the_page_prints_it(string page, string title, string issuer, string number, string date)
    {
        string pdf = Path.Combine(Folder, Path.ChangeExtension(page, ".pdf"));
        Print(RealDocs.PathOf(page), pdf);

        var (document, error) = new PolicyFileIngester().IngestFile(pdf, Path.GetFileName(pdf));

        Assert.True(document is not null, error);
        var m = document.Metadata;
        Assert.Equal(title, m.NoticeTitle?.Value ?? m.Title?.Value);
        Assert.Equal([issuer], m.Issuers.Select(i => i.Value));
        Assert.Equal(number, m.DocumentNumber?.Value.ToString());
        Assert.Equal(date, m.SigningDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("file://", document.Text, StringComparison.Ordinal);
        Assert.True(document.Sections.Count(s => s.Level == SearchEngine.Core.Documents.HeadingLevel.Part) >= 3,
            "the page's 一、 headings are in the tree: " + string.Join(" | ", document.Sections.Select(s => s.Heading)));
    }

    private void Print(string html, string pdf)
    {
        const string Chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(Chromium), $"{Chromium} is needed to print pages (apt-get install chromium; .ci/run installs it).");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", $"--user-data-dir={Path.Combine(Folder, "profile")}", $"--print-to-pdf={pdf}",
            new Uri(html).AbsoluteUri,
        })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not print {html} within 60 s.");
        }
        Assert.True(File.Exists(pdf), $"Chromium printed nothing for {html} (exit code {process.ExitCode}).");
    }
}
