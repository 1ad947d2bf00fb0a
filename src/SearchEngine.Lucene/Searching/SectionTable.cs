using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchEngine.Lucene.Indexing;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Every live section of one reader, by its global Lucene doc id, read once from the doc values; and every live
/// document's own Lucene document (the stored record) and title. Built once per snapshot, as the native engine's
/// segments keep their doc values in memory.
/// </summary>
internal sealed class SectionTable
{
    public SectionTable(DirectoryReader reader)
    {
        Sections = new SectionInfo?[reader.MaxDoc];
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var live = r.LiveDocs;
            var positions = r.GetNumericDocValues(LuceneFields.Position);
            var isSection = r.GetDocsWithField(LuceneFields.Position);
            var years = r.GetNumericDocValues(LuceneFields.Year);
            var days = r.GetNumericDocValues(LuceneFields.SortDay);
            var ids = r.GetSortedDocValues(LuceneFields.Id);
            var idBytes = new BytesRef();
            var issuers = new ValueReader(r.GetSortedSetDocValues(LuceneFields.Issuer));
            var industries = new ValueReader(r.GetSortedSetDocValues(LuceneFields.Industry));
            var units = new ValueReader(r.GetSortedSetDocValues(LuceneFields.Unit));
            var regions = new ValueReader(r.GetSortedSetDocValues(LuceneFields.Region));
            var types = new ValueReader(r.GetSortedSetDocValues(LuceneFields.Type));
            for (int doc = 0; doc < r.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                    continue;
                var stored = isSection is not null && isSection.Get(doc) ? null : r.Document(doc);
                if (stored is not null)
                {
                    // The document's own Lucene document: its id and title.
                    string id = stored.Get(LuceneFields.Id, CultureInfo.InvariantCulture);
                    Documents[id] = leaf.DocBase + doc;
                    Titles.Add(stored.Get(LuceneFields.StoredTitle, CultureInfo.InvariantCulture) ?? "");
                    continue;
                }
                // From the doc values, not the stored fields: a snapshot reads every section's, and those are columnar.
                ids!.Get(doc, idBytes);
                string documentId = idBytes.Utf8ToString();
                int position = (int)positions!.Get(doc);
                if (!SectionsOf.TryGetValue(documentId, out var list))
                    SectionsOf[documentId] = list = [];
                list.Add((position, leaf.DocBase + doc));
                Sections[leaf.DocBase + doc] = new SectionInfo(
                    documentId, position, issuers.Of(doc), industries.Of(doc), units.Of(doc),
                    regions.Of(doc).FirstOrDefault(), types.Of(doc).FirstOrDefault(), (int)years!.Get(doc), days!.Get(doc));
                SectionCount++;
            }
        }
        DocumentCount = Documents.Count;
    }

    /// <summary>By global doc id: the live section there, or null (a document's own Lucene document, or deleted).</summary>
    public SectionInfo?[] Sections { get; }

    /// <summary>Live documents' ids, each with the global doc id of its own Lucene document (its stored record).</summary>
    public Dictionary<string, int> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>Live documents' sections: each section's place in its document and its global doc id.</summary>
    public Dictionary<string, List<(int Position, int Doc)>> SectionsOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Live documents' titles.</summary>
    public List<string> Titles { get; } = [];

    public int SectionCount { get; }

    public int DocumentCount { get; }

    /// <summary>The values of one multi-valued doc-values field, per doc, as strings.</summary>
    private sealed class ValueReader(SortedSetDocValues? values)
    {
        private readonly Dictionary<long, string> _strings = [];

        public string[] Of(int doc)
        {
            if (values is null)
                return [];
            values.SetDocument(doc);
            var list = new List<string>(2);
            for (long ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                if (!_strings.TryGetValue(ord, out var s))
                {
                    var bytes = new BytesRef();
                    values.LookupOrd(ord, bytes);
                    _strings[ord] = s = bytes.Utf8ToString();
                }
                list.Add(s);
            }
            return [.. list];
        }
    }
}
