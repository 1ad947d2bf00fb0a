using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SearchEngine.Web.Export;

/// <summary>
/// An .xlsx workbook of one sheet, written row by row as the rows come: the header row bold and frozen, every text
/// cell an inline string (no shared-string table to hold until the end), numeric columns as numbers. The package is
/// a zip written in create mode, entry after entry, so nothing but the current row is held in memory; the worksheet
/// XML comes from the Open XML SDK's forward-only <see cref="OpenXmlWriter"/>. The SDK's own
/// <c>SpreadsheetDocument</c> is not used to create it: it needs a package opened for reading too, and such a package
/// keeps every part in memory until it is closed (measured: 200 MB for 50,000 rows of 1,000 characters).
/// Dispose finishes the sheet and the package.
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string SheetPart = "xl/worksheets/sheet1.xml";

    private readonly ZipArchive _zip;
    private readonly Stream _sheet;
    private readonly OpenXmlWriter _writer;
    private readonly HashSet<int> _numeric;
    private readonly Stream _output;
    private uint _row;

    /// <param name="output">Where the package goes; left open.</param>
    /// <param name="sheetName">The sheet's name (at most 31 characters, none of <c>[]:*?/\</c>).</param>
    /// <param name="headers">The header row.</param>
    /// <param name="widths">Each column's width in characters.</param>
    /// <param name="numericColumns">Columns (0-based) whose values are written as numbers when they parse as one.</param>
    public XlsxWriter(Stream output, string sheetName, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<int> numericColumns)
    {
        _output = output;
        _numeric = [.. numericColumns];
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        // In create mode one entry is open at a time: the small fixed parts first, then the sheet, kept open for the rows.
        WriteContentTypes();
        WriteRelationships("_rels/.rels", ("rId1", "officeDocument", "xl/workbook.xml"));
        WriteRelationships("xl/_rels/workbook.xml.rels", ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"));
        WritePart("xl/workbook.xml", new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" })));
        WritePart("xl/styles.xml", Styles());

        _sheet = _zip.CreateEntry(SheetPart, CompressionLevel.Fastest).Open();
        _writer = OpenXmlWriter.Create(_sheet, new UTF8Encoding(false));
        _writer.WriteStartElement(new Worksheet());
        // the header row stays in view while the reader scrolls
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        _writer.WriteElement(new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })));
        _writer.WriteStartElement(new SheetData());
        WriteRow(headers, bold: true);
    }

    /// <summary>
    /// Bytes of the package written so far, when the output can tell (a file): the zip's compressed output, in which
    /// the entry being written lags by its compressor's buffer.
    /// </summary>
    public long Length => _output.CanSeek ? _output.Length : 0;

    /// <summary>Rows written, the header row not counted.</summary>
    public int Rows => (int)Math.Max(0, _row - 1);

    /// <summary>Appends a row; null and empty cells are left out.</summary>
    public void WriteRow(IReadOnlyList<string?> cells) => WriteRow(cells, bold: false);

    private void WriteRow(IReadOnlyList<string?> cells, bool bold)
    {
        _row++;
        _writer.WriteStartElement(new Row { RowIndex = _row });
        for (int i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrEmpty(cells[i]))
                continue;
            string reference = ColumnName(i) + _row.ToString(CultureInfo.InvariantCulture);
            Cell cell = !bold && _numeric.Contains(i) && double.TryParse(cells[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                ? new Cell(new CellValue(number)) { CellReference = reference, DataType = CellValues.Number }
                : new Cell(new InlineString(new Text(XmlCharacters.Clean(cells[i]!)) { Space = SpaceProcessingModeValues.Preserve }))
                { CellReference = reference, DataType = CellValues.InlineString };
            if (bold)
                cell.StyleIndex = 1;
            _writer.WriteElement(cell);
        }
        _writer.WriteEndElement();
    }

    public void Dispose()
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _sheet.Dispose();
        _zip.Dispose();
    }

    /// <summary>A, B, … Z, AA, AB … for a 0-based column.</summary>
    internal static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26)
            name.Insert(0, (char)('A' + ((c - 1) % 26)));
        return name.ToString();
    }

    /// <summary>The minimal stylesheet Excel accepts without repair: a normal and a bold font, the two required fills, one border, and two cell formats (0 plain, 1 bold).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
        { Count = 2 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private void WritePart(string name, OpenXmlElement root)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteElement(root);
    }

    private void WriteContentTypes()
    {
        using var stream = _zip.CreateEntry("[Content_Types].xml", CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", Types);
        foreach (var (extension, type) in new[] { ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml") })
        {
            xml.WriteStartElement("Default", Types);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        foreach (var (part, type) in new[]
        {
            ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("/" + SheetPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
        })
        {
            xml.WriteStartElement("Override", Types);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private void WriteRelationships(string name, params (string Id, string Type, string Target)[] relationships)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartElement("Relationships", RelationshipsNamespace);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship", RelationshipsNamespace);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", OfficeRelationships + type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
