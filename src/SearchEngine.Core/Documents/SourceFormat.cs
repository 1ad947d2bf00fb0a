namespace SearchEngine.Core.Documents;

/// <summary>The file format a document was read from.</summary>
public enum SourceFormat
{
    Text,
    Html,
    Docx,
    Pdf,
}
