using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// .docx through DocumentFormat.OpenXml: one line per paragraph (tables included, in reading order) with
/// Word's automatic numbering rendered in front (<see cref="WordNumbering"/>), the core properties as
/// declared metadata, and a paragraph in the Title style, or the first in a heading style that is not an
/// outline heading, as the declared title.
/// </summary>
public sealed class DocxReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Docx;

    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <summary>
    /// Largest XML part read. The Open XML library builds the whole part in memory (a 118 MiB document.xml cost
    /// 1.25 GB); 40 MiB of XML is far beyond any real policy document (a 200-page report is a few MiB) and keeps
    /// one upload well under 500 MB.
    /// </summary>
    public const long MaxXmlPartBytes = 40L << 20;

    public ReadResult Read(string path)
    {
        if (ZipGuard.Check(path, ".docx") is { } problem)
            return ReadResult.Fail(problem);
        if (LargestXmlPart(path) is > MaxXmlPartBytes and var size)
            return ReadResult.Fail($"the .docx holds an XML part of {size >> 20} MiB; at most {MaxXmlPartBytes >> 20} MiB is read (the Open XML library loads a part whole, about ten times its size in memory). Split the document into smaller files.");
        try
        {
            using var document = WordprocessingDocument.Open(path, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
                return ReadResult.Fail("the .docx has no document body");
            var lines = new List<string>();
            string? styledTitle = null;
            var numbering = new WordNumbering(document.MainDocumentPart!);
            long characters = 0;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                string number = numbering.Render(paragraph);
                string text = number + TextOf(paragraph);
                if (text.Trim().Length == 0)
                    continue;
                characters += text.Length + 1;
                if (characters > ReadLimits.MaxTextChars)
                    return ReadResult.Fail($"the .docx holds more than {ReadLimits.MaxTextCharsText} characters of text; split it into smaller documents");
                lines.Add(text);
                string style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
                if (styledTitle is null && IsTitleStyle(style) && !StartsWithOutlineMarker(text))
                    styledTitle = text.Trim();
            }
            if (lines.Count == 0)
                return ReadResult.Fail("the .docx contains no text");
            var properties = new Dictionary<string, string>();
            string? declared = document.PackageProperties.Title;
            if (!string.IsNullOrWhiteSpace(styledTitle ?? declared))
                properties[SourceProperties.Title] = (styledTitle ?? declared)!.Trim();
            if (document.PackageProperties.Created is { } created)
                properties[SourceProperties.Date] = created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return ReadResult.Ok(string.Join('\n', lines), properties);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException or IOException)
        {
            return ReadResult.Fail($"the .docx is truncated or corrupt ({e.Message.TrimEnd('.')})");
        }
    }

    private static string TextOf(Paragraph paragraph)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break or CarriageReturn: sb.Append('\n'); break;
            }
        }
        return sb.ToString();
    }

    private static bool IsTitleStyle(string style) =>
        style.StartsWith("Title", StringComparison.OrdinalIgnoreCase) || style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style == "1";

    private static bool StartsWithOutlineMarker(string text) =>
        text.TrimStart().Length > 0 && "一二三四五六七八九十（(0123456789".Contains(text.TrimStart()[0], StringComparison.Ordinal);

    /// <summary>The uncompressed size of the largest .xml part, read from the zip's directory (nothing is inflated).</summary>
    private static long LargestXmlPart(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Select(e => e.Length).DefaultIfEmpty(0).Max();
        }
        catch (InvalidDataException)
        {
            return 0; // the Open XML reader reports a damaged package with its own reason
        }
    }
}
