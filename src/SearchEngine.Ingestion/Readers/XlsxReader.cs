using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// .xlsx workbooks: for each sheet, in workbook order, its name as a line and then one line per row with the cells'
/// text joined by a tab (shared strings, inline strings, numbers and booleans as stored; formulas by their cached
/// value). DocumentFormat.OpenXml resolves the parts; the XML is streamed with <see cref="SafeXml"/>, so a huge
/// sheet costs no more than its text, and a workbook over <see cref="MaxCells"/> cells or
/// <see cref="MaxTextChars"/> characters is refused with a reason rather than half read.
/// </summary>
internal sealed class XlsxReader : IDocumentReader
{
    /// <summary>Most non-empty cells read, across all sheets.</summary>
    public const int MaxCells = 1_000_000;

    /// <summary>Most characters of text produced.</summary>
    public const int MaxTextChars = ReadLimits.MaxTextChars;

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public SourceFormat Format => SourceFormat.Spreadsheet;

    public IReadOnlyCollection<string> Extensions { get; } = [".xlsx"];

    public ReadResult Read(string path)
    {
        if (ZipGuard.Check(path, ".xlsx") is { } problem)
            return ReadResult.Fail(problem);
        try
        {
            using var workbook = SpreadsheetDocument.Open(path, false);
            var book = workbook.WorkbookPart;
            if (book is null)
                return ReadResult.Fail("the .xlsx has no workbook part");
            var budget = new Budget();
            var shared = book.SharedStringTablePart is { } sst ? SharedStrings(sst, budget) : [];
            var text = new StringBuilder();
            foreach (var (name, id) in Sheets(book))
            {
                if (!book.TryGetPartById(id, out var part) || part is not WorksheetPart sheet)
                    return ReadResult.Fail($"the .xlsx lists sheet '{name}' but its part ({id}) is missing");
                AppendSheet(text, name, sheet, shared, budget);
            }
            if (text.Length == 0)
                return ReadResult.Fail("the .xlsx has no cells with text");
            var properties = new Dictionary<string, string>();
            if (workbook.PackageProperties.Title is { Length: > 0 } title && title.Trim().Length > 0)
                properties[SourceProperties.Title] = title.Trim();
            if (workbook.PackageProperties.Created is { } created)
                properties[SourceProperties.Date] = created.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return ReadResult.Ok(text.ToString().TrimEnd('\n'), properties);
        }
        catch (LimitException e)
        {
            return ReadResult.Fail(e.Message);
        }
        catch (XmlException e)
        {
            return ReadResult.Fail($"the .xlsx holds malformed XML ({e.Message.TrimEnd('.')})");
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or InvalidOperationException or ArgumentException)
        {
            return ReadResult.Fail($"the .xlsx is truncated or corrupt ({e.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Sheet names and relationship ids from workbook.xml, in the order the workbook shows them.</summary>
    private static List<(string Name, string Id)> Sheets(WorkbookPart book)
    {
        var sheets = new List<(string, string)>();
        using var reader = SafeXml.Open(book.GetStream(FileMode.Open, FileAccess.Read));
        while (SafeXml.ReadChecked(reader, "xl/workbook.xml"))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNamespace)
                sheets.Add((reader.GetAttribute("name") ?? "", reader.GetAttribute("id", RelationshipNamespace) ?? ""));
        }
        return sheets;
    }

    private static List<string> SharedStrings(SharedStringTablePart part, Budget budget)
    {
        var strings = new List<string>();
        using var reader = SafeXml.Open(part.GetStream(FileMode.Open, FileAccess.Read));
        while (SafeXml.ReadChecked(reader, "xl/sharedStrings.xml"))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                string item = StringItem(reader, "xl/sharedStrings.xml");
                budget.Spend(0, item.Length);
                strings.Add(item);
            }
        }
        return strings;
    }

    /// <summary>The text of an &lt;si&gt; or &lt;is&gt;: its &lt;t&gt; elements, rich runs included, phonetic runs (&lt;rPh&gt;) not.</summary>
    private static string StringItem(XmlReader reader, string part)
    {
        if (reader.IsEmptyElement)
            return "";
        int depth = reader.Depth;
        var sb = new StringBuilder();
        bool phonetic = false;
        SafeXml.ReadChecked(reader, part);
        // Ends on the item's end tag; ReadElementContentAsString already moves on, so it skips the next Read.
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t" && !phonetic && !reader.IsEmptyElement)
            {
                sb.Append(reader.ReadElementContentAsString());
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh" && !reader.IsEmptyElement)
                phonetic = true;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "rPh")
                phonetic = false;
            SafeXml.ReadChecked(reader, part);
        }
        return sb.ToString();
    }

    private static void AppendSheet(StringBuilder text, string name, WorksheetPart sheet, List<string> shared, Budget budget)
    {
        string part = $"sheet '{name}'";
        var row = new List<string>();
        bool named = false;
        using var reader = SafeXml.Open(sheet.GetStream(FileMode.Open, FileAccess.Read));
        while (SafeXml.ReadChecked(reader, part))
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
            {
                if (row.Count > 0)
                {
                    if (!named)
                    {
                        text.Append(name).Append('\n');
                        named = true;
                    }
                    text.AppendJoin('\t', row).Append('\n');
                    row.Clear();
                }
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "c" && !reader.IsEmptyElement)
            {
                string value = CellText(reader, shared, part).Trim();
                if (value.Length > 0)
                {
                    budget.Spend(1, value.Length + 1);
                    row.Add(value.ReplaceLineEndings(" ").Replace('\t', ' '));
                }
            }
        }
    }

    private static string CellText(XmlReader reader, List<string> shared, string part)
    {
        string type = reader.GetAttribute("t") ?? "n";
        int depth = reader.Depth;
        string value = "";
        SafeXml.ReadChecked(reader, part);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "v" && !reader.IsEmptyElement)
            {
                value = reader.ReadElementContentAsString();
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "f" && !reader.IsEmptyElement)
            {
                reader.Skip(); // the formula; its cached value is in <v>
                continue;
            }
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "is")
                value = StringItem(reader, part);
            SafeXml.ReadChecked(reader, part);
        }
        return type switch
        {
            "s" => int.TryParse(value, out int index) && index >= 0 && index < shared.Count ? shared[index] : "",
            "b" => value == "1" ? "TRUE" : value == "0" ? "FALSE" : value,
            _ => value,
        };
    }

    /// <summary>Counts cells and characters against the limits.</summary>
    private sealed class Budget
    {
        private long _cells;
        private long _chars;

        public void Spend(int cells, int chars)
        {
            _cells += cells;
            _chars += chars;
            if (_cells > MaxCells)
                throw new LimitException($"the .xlsx has more than {MaxCells:N0} cells with text; split it into smaller workbooks");
            if (_chars > MaxTextChars)
                throw new LimitException($"the .xlsx holds more than {MaxTextChars >> 20} M characters of text; split it into smaller workbooks");
        }
    }

    private sealed class LimitException(string message) : Exception(message);
}
