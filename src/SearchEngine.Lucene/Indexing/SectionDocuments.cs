using Lucene.Net.Documents;
using Lucene.Net.Util;
using SearchEngine.Core.Analysis;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// The Lucene documents of one policy document: one per section (its text fields, analysed by the index's analyzer,
/// and its document's metadata as doc values for filters, facets and sorting, and its body stored), then one holding
/// the document's outline.
/// </summary>
internal static class SectionDocuments
{
    public static IEnumerable<Document> Of(DocumentRecord document)
    {
        var numberTerms = DocumentNumberTerms.Of(document.DocumentNumber, ChineseAnalyzer.Default);
        int sortDay = document.Date is { } date ? date.DayNumber
            : document.Year is >= 1 and <= 9999 ? new DateOnly(document.Year.Value, 1, 1).DayNumber : LuceneFields.NoDate;
        for (int position = 0; position < document.Sections.Count; position++)
        {
            var section = document.Sections[position];
            var d = new Document
            {
                new StringField(LuceneFields.Kind, LuceneFields.SectionKind, Field.Store.NO),
                new StringField(LuceneFields.Id, document.Id, Field.Store.NO),
                new SortedDocValuesField(LuceneFields.Id, new BytesRef(document.Id)),
                new StoredField(LuceneFields.Position, position),
                new StoredField(LuceneFields.StoredBody, section.Body),
                new NumericDocValuesField(LuceneFields.Position, position),
                new TextField(LuceneFields.TextOf(IndexField.Title), document.Title, Field.Store.NO),
                new TextField(LuceneFields.TextOf(IndexField.Heading), section.HeadingText, Field.Store.NO),
                new TextField(LuceneFields.TextOf(IndexField.Body), section.Body, Field.Store.NO),
                new TextField(LuceneFields.TextOf(IndexField.Units), section.UnitsText, Field.Store.NO),
                new NumericDocValuesField(LuceneFields.Year, document.Year ?? LuceneFields.NoYear),
                new Int32Field(LuceneFields.Year, document.Year ?? LuceneFields.NoYear, Field.Store.NO),
                new NumericDocValuesField(LuceneFields.SortDay, sortDay),
            };
            foreach (string term in numberTerms)
                d.Add(new StringField(LuceneFields.Number, term, Field.Store.NO));
            AddValues(d, LuceneFields.Issuer, document.Issuers);
            AddValues(d, LuceneFields.Industry, section.Industries);
            AddValues(d, LuceneFields.Unit, section.Units.Select(u => u.Name));
            AddValues(d, LuceneFields.Region, document.Region is null ? [] : [document.Region]);
            AddValues(d, LuceneFields.Type, document.Type is null ? [] : [document.Type]);
            yield return d;
        }
        yield return new Document
        {
            new StringField(LuceneFields.Kind, LuceneFields.DocumentKind, Field.Store.NO),
            new StringField(LuceneFields.Id, document.Id, Field.Store.YES),
            new StoredField(LuceneFields.Record, DocumentJson.Write(document with { Sections = [.. document.Sections.Select(s => s with { Body = "" })] })),
            new StoredField(LuceneFields.StoredTitle, document.Title),
        };
    }

    /// <summary>Values as doc values (facets, filters) and as untokenized terms (filter queries); a repeated value once.</summary>
    private static void AddValues(Document d, string field, IEnumerable<string> values)
    {
        foreach (string value in values.Distinct(StringComparer.Ordinal))
        {
            d.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
            d.Add(new StringField(field, value, Field.Store.NO));
        }
    }
}
