using System.Text;
using SearchEngine.Core.Documents;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Word 97-2003 binary documents (.doc) and WPS 文字 — WPS Office writer — documents (.wps), which since WPS 2005
/// are the same OLE2 compound Word format. No .NET library reads them, so an external converter runs as a process
/// with a time limit: antiword first (fast, small, and its Chinese text matched LibreOffice's on every real
/// document tried; catdoc garbled long ones), then LibreOffice, if installed, for what antiword refuses (WPS's own
/// and Works formats, Word 6/95). What government sites name .doc is often something else; the content decides:
/// RTF is read by <see cref="RtfText"/>, HTML by <see cref="HtmlReader"/>, a zip by <see cref="DocxReader"/>.
/// </summary>
internal sealed class DocReader(TimeSpan? timeout = null, string antiword = "antiword", string soffice = "soffice") : IDocumentReader
{
    /// <summary>The compound-file (OLE2) signature every binary Word and WPS document starts with.</summary>
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly ExternalTool _antiword = new(antiword, timeout ?? TimeSpan.FromSeconds(60));
    private readonly ExternalTool _soffice = new(soffice, timeout ?? TimeSpan.FromSeconds(120));

    public SourceFormat Format => SourceFormat.Doc;

    public IReadOnlyCollection<string> Extensions { get; } = [".doc", ".wps"];

    public ReadResult Read(string path) => Read(path, CancellationToken.None);

    public ReadResult Read(string path, CancellationToken cancel)
    {
        string kind = Path.GetExtension(path).ToLowerInvariant() is ".wps" ? ".wps" : ".doc";
        byte[] head = ReadHead(path, 2048);
        if (head.Length == 0)
            return ReadResult.Fail("the file is empty");
        if (head.AsSpan().StartsWith(OleSignature))
            return ReadCompoundFile(path, kind, cancel);
        if (head.AsSpan().StartsWith("PK\u0003\u0004"u8))
            return Relabel(new DocxReader().Read(path), $"the {kind} is a .docx (zip) under another name");
        string start = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (start.StartsWith(@"{\rtf", StringComparison.Ordinal))
            return Relabel(RtfText.Read(File.ReadAllBytes(path)), $"the {kind} is an RTF document");
        string lower = start.ToLowerInvariant();
        if (lower.StartsWith("<!doctype html", StringComparison.Ordinal) || lower.Contains("<html", StringComparison.Ordinal))
            return Relabel(new HtmlReader().Read(path), $"the {kind} is a web page");
        if (lower.StartsWith("mime-version:", StringComparison.Ordinal))
            return ReadResult.Fail($"the {kind} is a saved web archive (MHT), not a Word document; save it as .docx or .html");
        if (lower.StartsWith("<?xml", StringComparison.Ordinal) && lower.Contains("worddocument", StringComparison.Ordinal))
            return ReadResult.Fail($"the {kind} is Word 2003 XML, not a Word binary document; save it as .docx");
        return ReadResult.Fail($"the {kind} is not a Word 97-2003 or WPS document (no OLE2 signature), nor RTF, HTML or .docx; it is damaged or another format under a {kind} name");
    }

    private ReadResult ReadCompoundFile(string path, string kind, CancellationToken cancel)
    {
        var run = _antiword.Run(cancel, "-w", "0", "-m", "UTF-8.txt", path);
        switch (run.Outcome)
        {
            case ToolOutcome.TimedOut:
                return ReadResult.Fail($"antiword did not finish within {_antiword.Timeout.TotalSeconds:0} s and was stopped; the {kind} may be malformed");
            case ToolOutcome.TooMuchOutput:
                return ReadResult.Fail($"antiword printed more than {ExternalTool.MaxOutputChars >> 20} M characters; the {kind} was not read");
            case ToolOutcome.Exited when run.ExitCode == 0 && AntiwordText(run.Output) is { Length: > 0 } text:
                return ReadResult.Ok(text);
        }
        string antiwordProblem = run.Outcome == ToolOutcome.Missing
            ? $"'{_antiword.Command}' was not found (apt-get install antiword)"
            : $"antiword could not read it ({FirstLine(run.Errors, run.ExitCode)})";
        // LibreOffice imports a compound file it does not recognise as plain text, and random bytes decoded as
        // UTF-16 look like Chinese; so it only gets files holding a stream it has a filter for.
        if (!HoldsDocumentStream(path))
            return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}; it is a compound (OLE2) file with no Word document stream (damaged, or another program's format)");
        return ReadWithLibreOffice(path, kind, antiwordProblem, cancel);
    }

    /// <summary>LibreOffice reads what antiword refuses; it starts in about a second with a throw-away profile.</summary>
    private ReadResult ReadWithLibreOffice(string path, string kind, string antiwordProblem, CancellationToken cancel)
    {
        string work = Path.Combine(Path.GetTempPath(), "searchengine-soffice-" + Guid.NewGuid().ToString("N"));
        try
        {
            string output = Path.Combine(work, "out");
            Directory.CreateDirectory(output);
            // A private profile: a shared one would hand the job to another running LibreOffice, or wait for its lock.
            var run = _soffice.Run(
                cancel,
                "-env:UserInstallation=" + new Uri(Path.Combine(work, "profile")).AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault",
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", output, path);
            switch (run.Outcome)
            {
                case ToolOutcome.Missing:
                    return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}; LibreOffice, which reads more .doc and .wps variants, is not installed either (apt-get install libreoffice-writer-nogui)");
                case ToolOutcome.TimedOut:
                    return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}, and LibreOffice did not finish within {_soffice.Timeout.TotalSeconds:0} s and was stopped");
                case ToolOutcome.TooMuchOutput:
                    return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}, and LibreOffice printed too much");
            }
            string? converted = Directory.EnumerateFiles(output, "*.txt").FirstOrDefault();
            if (run.ExitCode != 0 || converted is null)
                return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}, and LibreOffice could not convert it either ({FirstLine(run.Errors, run.ExitCode)})");
            // Four bytes per character at most in UTF-8: a larger file is over the text limit whatever it holds.
            if (new FileInfo(converted).Length > 4L * ReadLimits.MaxTextChars)
                return ReadResult.Fail($"the {kind} converts to more than {ReadLimits.MaxTextCharsText} characters of text; it was not read");
            string text = File.ReadAllText(converted, Encoding.UTF8).TrimStart('\uFEFF');
            // LibreOffice imports a compound file it does not recognise as plain text: the signature comes out as "ÐÏ…".
            if (text.StartsWith("\u00D0\u00CF", StringComparison.Ordinal) || !LooksLikeText(text))
                return ReadResult.Fail($"the {kind} could not be read: {antiwordProblem}, and LibreOffice does not know its format either (an old WPS format, or damaged?); open it in WPS Office and save it as .docx");
            string lines = string.Join('\n', text.Split('\n').Select(l => l.TrimEnd('\r', ' ', '\t')).Where(l => l.Trim().Length > 0));
            return lines.Length > 0 ? ReadResult.Ok(lines) : ReadResult.Fail($"the {kind} contains no text");
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a killed LibreOffice may still hold a file for a moment; the temp folder is cleaned later
            }
        }
    }

    /// <summary>
    /// antiword's output as paragraph lines: its blank separator lines and footnote rules go, table rows
    /// (|cell|cell|) become tab-separated cells, and the list number it prints in front of a heading whose
    /// numbering format is "none" ("1 （一）建设目标") is dropped, since the heading carries its own marker.
    /// </summary>
    internal static string AntiwordText(string output)
    {
        var lines = new List<string>();
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r', ' ', '\t');
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.All(c => c == '-'))
                continue;
            if (trimmed.Length > 1 && trimmed[0] == '|' && trimmed[^1] == '|')
                line = string.Join('\t', trimmed[1..^1].Split('|').Select(c => c.Trim()));
            lines.Add(DropHeadingStyleNumber(line));
        }
        return string.Join('\n', lines);
    }

    private static string DropHeadingStyleNumber(string line)
    {
        int digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            digits++;
        if (digits == 0 || digits > 2 || digits + 1 >= line.Length || line[digits] != ' ')
            return line;
        string rest = line[(digits + 1)..];
        char first = rest[0];
        bool marker = first is '（' or '(' or '第' || Core.Text.ChineseNumeral.IsNumeralChar(first)
            || (char.IsAsciiDigit(first) && rest.Length > 1 && rest.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') is ['.' or '．' or '、', ..]);
        return marker ? rest : line;
    }

    /// <summary>
    /// Whether the compound file's directory names a WordDocument stream (Word, WPS) or a CONTENTS stream
    /// (Works .wps). Directory entries store names in UTF-16LE, so the bytes are searched for them.
    /// </summary>
    private static bool HoldsDocumentStream(string path)
    {
        if (new FileInfo(path).Length > ZipGuard.MaxUncompressedBytes)
            return true; // too big to search cheaply; LibreOffice decides
        byte[] bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("WordDocument")) >= 0
            || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("CONTENTS")) >= 0;
    }

    private static bool LooksLikeText(string text)
    {
        if (text.Length == 0)
            return false;
        int bad = text.Count(c => c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')));
        return bad <= text.Length / 100;
    }

    private static ReadResult Relabel(ReadResult result, string what) =>
        result.Succeeded ? result : ReadResult.Fail($"{what}, which could not be read: {result.Error}");

    private static string FirstLine(string errors, int exitCode)
    {
        string first = errors.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.Contains("HOME directory", StringComparison.Ordinal)) ?? "";
        return first.Length > 0 ? first : $"exit {exitCode}";
    }

    private static byte[] ReadHead(string path, int count)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[count];
        int total = 0, read;
        while (total < count && (read = stream.Read(buffer, total, count - total)) > 0)
            total += read;
        return buffer[..total];
    }
}
