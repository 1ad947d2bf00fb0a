using System.Globalization;
using Lucene.Net.Index;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// A document opened from the index: its outline from its own Lucene document, each section's text read from the
/// section's stored field when asked for (a section read once is kept), so a page of a long document costs the page.
/// </summary>
internal sealed class LuceneStoredDocument(DocumentRecord outline, IReadOnlyDictionary<int, int> sectionDocs, IndexReader reader) : IStoredDocument
{
    private readonly Dictionary<int, string> _bodies = [];

    public DocumentRecord Outline => outline;

    /// <summary>The targets the stored record carries, sentences included.</summary>
    public IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> Targets => outline.Targets;

    /// <summary>The record's targets of the kept sections (the record holds their sentences already).</summary>
    public IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> TargetsIn(Func<int, bool> section) => [.. outline.Targets.Where(t => section(t.Section))];

    public int BodyLength(int position) => Body(position).Length;

    public string Text(int position, int from, int length)
    {
        string body = Body(position);
        from = Math.Clamp(from, 0, body.Length);
        return body.Substring(from, Math.Clamp(length, 0, body.Length - from));
    }

    /// <summary>A section's whole body, by its place in the document.</summary>
    public string Body(int position)
    {
        if (!_bodies.TryGetValue(position, out var body))
        {
            body = sectionDocs.TryGetValue(position, out int doc)
                ? reader.Document(doc).Get(LuceneFields.StoredBody, CultureInfo.InvariantCulture) ?? ""
                : "";
            _bodies[position] = body;
        }
        return body;
    }
}
