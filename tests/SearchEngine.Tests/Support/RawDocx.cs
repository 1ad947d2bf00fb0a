using System.IO.Compression;
using System.Text;

namespace SearchEngine.Tests.Support;

/// <summary>
/// A .docx written as a zip by hand, for hostile tests: the OpenXml SDK refuses to write some of the malformed
/// numbering definitions that files in the wild (and attackers) contain.
/// </summary>
internal static class RawDocx
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Writes a .docx with the given inner XML of numbering.xml and of the document body.</summary>
    public static void Write(string path, string numbering, string body)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/></Types>");
        Entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        Entry(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/></Relationships>");
        Entry(zip, "word/numbering.xml", $"<w:numbering xmlns:w=\"{W}\">{numbering}</w:numbering>");
        Entry(zip, "word/document.xml", $"<w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>");
    }

    /// <summary>A level definition: w:lvl with its start value, format and level text, all as raw attribute text.</summary>
    public static string Level(string ilvl, string format, string text, string start = "1") =>
        $"<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"{start}\"/><w:numFmt w:val=\"{format}\"/><w:lvlText w:val=\"{text}\"/></w:lvl>";

    /// <summary>An abstract list (w:abstractNum) of the given levels.</summary>
    public static string AbstractList(string id, params string[] levels) =>
        $"<w:abstractNum w:abstractNumId=\"{id}\">{string.Concat(levels)}</w:abstractNum>";

    /// <summary>A list instance (w:num) pointing at an abstract list.</summary>
    public static string List(string numId, string abstractId) =>
        $"<w:num w:numId=\"{numId}\"><w:abstractNumId w:val=\"{abstractId}\"/></w:num>";

    /// <summary>A numbered paragraph.</summary>
    public static string Paragraph(string numId, string ilvl, string text) =>
        $"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{numId}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>";

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
