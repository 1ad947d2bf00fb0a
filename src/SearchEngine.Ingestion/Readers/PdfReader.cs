using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// PDF through poppler's pdftotext, run as a process (no PDF library is available to us). Its plain output
/// keeps the page's line breaks; the cleaner rejoins them. A hung extraction is killed after a time limit.
/// </summary>
public sealed class PdfReader(TimeSpan? timeout = null, string tool = "pdftotext") : IDocumentReader
{
    private readonly ExternalTool _pdftotext = new(tool, timeout ?? TimeSpan.FromSeconds(60));

    public SourceFormat Format => SourceFormat.Pdf;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(string path)
    {
        var run = _pdftotext.Run("-enc", "UTF-8", "-eol", "unix", path, "-");
        switch (run.Outcome)
        {
            case ToolOutcome.Missing:
                return ReadResult.Fail($"'{tool}' was not found: PDF files need poppler-utils (apt-get install poppler-utils)");
            case ToolOutcome.TimedOut:
                return ReadResult.Fail($"pdftotext did not finish within {_pdftotext.Timeout.TotalSeconds:0} s; the PDF may be malformed");
            case ToolOutcome.TooMuchOutput:
                return ReadResult.Fail($"pdftotext printed more than {ExternalTool.MaxOutputChars >> 20} M characters; the PDF was not read");
        }
        if (run.ExitCode != 0)
            return ReadResult.Fail($"pdftotext could not read the PDF (exit {run.ExitCode}): {run.Errors}");
        return string.IsNullOrWhiteSpace(run.Output.Replace('\f', ' '))
            ? ReadResult.Fail("the PDF has no text layer (a scan?); run OCR on it first")
            : ReadResult.Ok(run.Output);
    }
}
