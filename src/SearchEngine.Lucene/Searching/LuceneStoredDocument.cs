using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// A document read from its stored record. Lucene keeps the record as one stored field (compressed with the other
/// stored fields of its block), so the whole record is read at once, not section by section.
/// </summary>
internal sealed class LuceneStoredDocument(DocumentRecord document) : IStoredDocument
{
    public DocumentRecord Outline { get; } = document with { Sections = [.. document.Sections.Select(s => s with { Body = "" })] };

    public DocumentRecord Whole => document;

    public int BodyLength(int position) => document.Sections[position].Body.Length;

    public string Text(int position, int from, int length)
    {
        string body = document.Sections[position].Body;
        from = Math.Clamp(from, 0, body.Length);
        return body.Substring(from, Math.Clamp(length, 0, body.Length - from));
    }
}
