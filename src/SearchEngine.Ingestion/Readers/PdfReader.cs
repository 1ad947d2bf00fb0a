using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// PDF through poppler's pdftotext, run as a process (no PDF library is available to us). Its plain output
/// keeps the page's line breaks; the cleaner rejoins them. A hung extraction is killed after a time limit.
/// A page printed to PDF by a browser is read in drawing order (-raw): pdftotext's reading-order analysis moves
/// bold run-in headings ("一、牢固树立…") of such pages to the foot of the page.
/// </summary>
public sealed class PdfReader(TimeSpan? timeout = null, string tool = "pdftotext") : IDocumentReader
{
    private readonly ExternalTool _pdftotext = new(tool, timeout ?? TimeSpan.FromSeconds(60));

    public SourceFormat Format => SourceFormat.Pdf;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(string path) => Read(path, CancellationToken.None);

    public ReadResult Read(string path, CancellationToken cancel)
    {
        var run = PrintedByBrowser(path)
            ? _pdftotext.Run(cancel, "-raw", "-enc", "UTF-8", "-eol", "unix", path, "-")
            : _pdftotext.Run(cancel, "-enc", "UTF-8", "-eol", "unix", path, "-");
        switch (run.Outcome)
        {
            case ToolOutcome.Missing:
                return ReadResult.Fail($"'{tool}' was not found: PDF files need poppler-utils (apt-get install poppler-utils)");
            case ToolOutcome.TimedOut:
                return ReadResult.Fail($"pdftotext did not finish within {_pdftotext.Timeout.TotalSeconds:0} s; the PDF may be malformed");
            case ToolOutcome.TooMuchOutput:
                return ReadResult.Fail($"the PDF yields more than {ReadLimits.MaxTextCharsText} characters of text, more than any policy document; it was not read (split it into smaller files)");
        }
        if (run.ExitCode != 0)
            return ReadResult.Fail($"pdftotext could not read the PDF (exit {run.ExitCode}): {run.Errors}");
        return string.IsNullOrWhiteSpace(run.Output.Replace('\f', ' '))
            ? ReadResult.Fail("the PDF has no text layer (a scan?); run OCR on it first")
            : ReadResult.Ok(run.Output);
    }

    private static readonly string[] BrowserProducers = ["Skia/PDF", "HeadlessChrome", "wkhtmltopdf"];

    /// <summary>Whether the document information names a browser as producer (Chromium's Skia, wkhtmltopdf).</summary>
    internal static bool PrintedByBrowser(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[Math.Min(8192, file.Length)];
            file.ReadExactly(head);
            string text = System.Text.Encoding.Latin1.GetString(head);
            if (file.Length > head.Length)
            {
                var tail = new byte[Math.Min(8192, file.Length - head.Length)];
                file.Seek(-tail.Length, SeekOrigin.End);
                file.ReadExactly(tail);
                text += System.Text.Encoding.Latin1.GetString(tail);
            }
            return BrowserProducers.Any(p => text.Contains(p, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false; // pdftotext will say what is wrong with the file
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
