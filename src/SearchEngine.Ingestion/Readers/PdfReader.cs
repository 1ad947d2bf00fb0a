using System.ComponentModel;
using System.Diagnostics;
using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// PDF through poppler's pdftotext, run as a process (no PDF library is available to us). Its plain output
/// keeps the page's line breaks; the cleaner rejoins them. A hung extraction is killed after a time limit.
/// </summary>
public sealed class PdfReader(TimeSpan? timeout = null, string tool = "pdftotext") : IDocumentReader
{
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public SourceFormat Format => SourceFormat.Pdf;

    public IReadOnlyCollection<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(string path)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in new[] { "-enc", "UTF-8", "-eol", "unix", path, "-" })
            start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception)
        {
            return ReadResult.Fail($"'{tool}' was not found: PDF files need poppler-utils (apt-get install poppler-utils)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                return ReadResult.Fail($"pdftotext did not finish within {_timeout.TotalSeconds:0} s; the PDF may be malformed");
            }
            process.WaitForExit();
            if (process.ExitCode != 0)
                return ReadResult.Fail($"pdftotext could not read the PDF (exit {process.ExitCode}): {stderr.Result.Trim()}");
            string text = stdout.Result;
            return string.IsNullOrWhiteSpace(text.Replace('\f', ' '))
                ? ReadResult.Fail("the PDF has no text layer (a scan?); run OCR on it first")
                : ReadResult.Ok(text);
        }
    }
}
