using System.Globalization;
using System.IO.Compression;
using System.Xml;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// OFD 版式文档 — fixed-layout document (GB/T 33190-2016), the format Chinese government bodies sign and archive
/// documents in: a zip whose OFD.xml names the document (DocBody/DocRoot → Document.xml), which lists its pages
/// (Pages/Page BaseLoc → Content.xml), whose TextObjects place TextCodes at X/Y positions in millimetres.
/// The runs are put back into lines and paragraphs by <see cref="OfdTextLayout"/>; DocInfo's Title, Author and
/// CreationDate become properties. The archive passes <see cref="ZipGuard"/> first, every part is parsed with
/// <see cref="SafeXml"/>, and references that leave the archive are refused. Template pages and annotations
/// (stamps, signatures) are not read: the body text is on the pages.
/// </summary>
internal sealed class OfdReader : IDocumentReader
{
    /// <summary>Most pages read.</summary>
    public const int MaxPages = 5000;

    /// <summary>Most characters of text read, all pages together.</summary>
    public const int MaxTextChars = ReadLimits.MaxTextChars;

    public SourceFormat Format => SourceFormat.Ofd;

    public IReadOnlyCollection<string> Extensions { get; } = [".ofd"];

    public ReadResult Read(string path)
    {
        if (ZipGuard.Check(path, ".ofd") is { } problem)
            return ReadResult.Fail(problem);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in zip.Entries)
                entries.TryAdd(entry.FullName.Replace('\\', '/'), entry);
            if (!entries.TryGetValue("OFD.xml", out var root))
                return ReadResult.Fail("the .ofd has no OFD.xml at its root; it is not an OFD document");

            var (docRoot, properties) = ReadEntry(root);
            if (docRoot is null)
                return ReadResult.Fail("the .ofd's OFD.xml names no document (DocBody/DocRoot)");
            string? documentPath = Resolve("", docRoot);
            if (documentPath is null || !entries.TryGetValue(documentPath, out var document))
                return ReadResult.Fail($"the .ofd refers to '{docRoot}', which it does not contain");

            var pageLocations = PageLocations(document);
            if (pageLocations.Count == 0)
                return ReadResult.Fail("the .ofd document has no pages");
            if (pageLocations.Count > MaxPages)
                return ReadResult.Fail($"the .ofd has {pageLocations.Count:N0} pages (the limit is {MaxPages:N0}); it was not read");
            string folder = documentPath.Contains('/') ? documentPath[..documentPath.LastIndexOf('/')] : "";
            var pages = new List<IReadOnlyList<OfdTextRun>>();
            long characters = 0;
            foreach (string location in pageLocations)
            {
                string? pagePath = Resolve(folder, location);
                if (pagePath is null || !entries.TryGetValue(pagePath, out var page))
                    return ReadResult.Fail($"the .ofd refers to page '{location}', which it does not contain");
                var runs = PageRuns(page, pagePath);
                characters += runs.Sum(r => (long)r.Text.Length);
                if (characters > MaxTextChars)
                    return ReadResult.Fail($"the .ofd holds more than {MaxTextChars >> 20} M characters of text; it was not read");
                pages.Add(runs);
            }
            string text = OfdTextLayout.ToText(pages);
            return text.Trim().Length == 0
                ? ReadResult.Fail("the .ofd has no text (page images only, a scan?); run OCR on it first")
                : ReadResult.Ok(text, properties);
        }
        catch (XmlException e)
        {
            return ReadResult.Fail($"the .ofd holds malformed XML ({e.Message.TrimEnd('.')})");
        }
        catch (InvalidDataException e)
        {
            return ReadResult.Fail($"the .ofd is truncated or corrupt ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>DocRoot and DocInfo of the first DocBody in OFD.xml.</summary>
    private static (string? DocRoot, Dictionary<string, string> Properties) ReadEntry(ZipArchiveEntry root)
    {
        var properties = new Dictionary<string, string>();
        string? docRoot = null;
        bool inFirstBody = false, seenBody = false;
        using var reader = SafeXml.Open(root.Open());
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "DocBody")
            {
                inFirstBody = !seenBody;
                seenBody = true;
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "DocBody")
            {
                inFirstBody = false;
            }
            else if (inFirstBody && reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement
                && reader.LocalName is "DocRoot" or "Title" or "Author" or "CreationDate")
            {
                string name = reader.LocalName;
                string value = reader.ReadElementContentAsString().Trim();
                switch (name)
                {
                    case "DocRoot": docRoot ??= value; break;
                    case "Title" when value.Length > 0: properties[SourceProperties.Title] = value; break;
                    case "Author" when value.Length > 0: properties[SourceProperties.Author] = value; break;
                    case "CreationDate" when value.Length > 0: properties[SourceProperties.Date] = value; break;
                }
                continue; // ReadElementContentAsString has moved on already
            }
            SafeXml.ReadChecked(reader, "OFD.xml");
        }
        return (docRoot, properties);
    }

    /// <summary>The BaseLoc of each Pages/Page in Document.xml, in page order.</summary>
    private static List<string> PageLocations(ZipArchiveEntry document)
    {
        var locations = new List<string>();
        using var reader = SafeXml.Open(document.Open());
        while (SafeXml.ReadChecked(reader, document.FullName))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Page" && reader.GetAttribute("BaseLoc") is { Length: > 0 } location)
            {
                locations.Add(location);
                if (locations.Count > MaxPages)
                    break;
            }
        }
        return locations;
    }

    /// <summary>The TextCodes of one page, placed on the page: TextObject Boundary origin plus CTM-transformed X/Y.</summary>
    private static List<OfdTextRun> PageRuns(ZipArchiveEntry page, string name)
    {
        var runs = new List<OfdTextRun>();
        double originX = 0, originY = 0, size = 3.5;
        double[] ctm = [1, 0, 0, 1, 0, 0];
        double x = 0, y = 0;
        using var reader = SafeXml.Open(page.Open());
        SafeXml.ReadChecked(reader, name);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TextObject")
            {
                var boundary = Numbers(reader.GetAttribute("Boundary"));
                originX = boundary.Length >= 2 ? boundary[0] : 0;
                originY = boundary.Length >= 2 ? boundary[1] : 0;
                size = double.TryParse(reader.GetAttribute("Size"), NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 ? s : 3.5;
                var matrix = Numbers(reader.GetAttribute("CTM"));
                ctm = matrix.Length == 6 ? matrix : [1, 0, 0, 1, 0, 0];
                x = y = 0;
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "TextCode" && !reader.IsEmptyElement)
            {
                // X and Y may be left out; the code then continues where the previous one ended.
                if (double.TryParse(reader.GetAttribute("X"), NumberStyles.Float, CultureInfo.InvariantCulture, out double codeX))
                    x = codeX;
                if (double.TryParse(reader.GetAttribute("Y"), NumberStyles.Float, CultureInfo.InvariantCulture, out double codeY))
                    y = codeY;
                var deltas = Deltas(reader.GetAttribute("DeltaX"));
                string text = reader.ReadElementContentAsString();
                double width = deltas.Count > 0 ? deltas.Sum() + size : text.Sum(c => c < 0x80 ? size / 2 : size);
                double px = originX + ctm[0] * x + ctm[2] * y + ctm[4];
                double py = originY + ctm[1] * x + ctm[3] * y + ctm[5];
                runs.Add(new OfdTextRun(px, py, size * Math.Abs(ctm[3]), width * Math.Abs(ctm[0]), text));
                x += width;
                continue; // ReadElementContentAsString has moved on already
            }
            SafeXml.ReadChecked(reader, name);
        }
        return runs;
    }

    /// <summary>DeltaX, the advances between glyphs: numbers, where "g N d" stands for N times d.</summary>
    private static List<double> Deltas(string? value)
    {
        var deltas = new List<double>();
        if (string.IsNullOrWhiteSpace(value))
            return deltas;
        var tokens = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "g" && i + 2 < tokens.Length && int.TryParse(tokens[i + 1], out int count) && double.TryParse(tokens[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out double step))
            {
                for (int k = 0; k < Math.Min(count, 100_000); k++)
                    deltas.Add(step);
                i += 2;
            }
            else if (double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double delta))
            {
                deltas.Add(delta);
            }
        }
        return deltas;
    }

    private static double[] Numbers(string? value) =>
        value?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN)
            .Where(d => !double.IsNaN(d)).ToArray() ?? [];

    /// <summary>
    /// A location inside the archive: absolute ("/Doc_0/…") from its root, else relative to <paramref name="folder"/>;
    /// null when its ".." steps would leave the archive.
    /// </summary>
    internal static string? Resolve(string folder, string location)
    {
        location = location.Replace('\\', '/').Trim();
        var parts = new List<string>();
        if (!location.StartsWith('/'))
            parts.AddRange(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (string part in location.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
