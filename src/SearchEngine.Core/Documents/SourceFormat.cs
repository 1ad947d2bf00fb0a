namespace SearchEngine.Core.Documents;

/// <summary>The file format a document was read from. New members go at the end: indexes store the number.</summary>
public enum SourceFormat
{
    Text,
    Html,
    Docx,
    Pdf,

    /// <summary>Markdown (.md, .markdown), as regulation databases publish laws.</summary>
    Markdown,

    /// <summary>Word 97-2003 binary (.doc) and WPS Office (.wps) documents, read by an external converter.</summary>
    Doc,

    /// <summary>Spreadsheets (.xlsx): one line per row.</summary>
    Spreadsheet,

    /// <summary>OFD 版式文档 — China's fixed-layout electronic document format (GB/T 33190-2016).</summary>
    Ofd,
}
