using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// The Lucene field names of the index, named once. Each section is one Lucene document (<see cref="Kind"/> =
/// <see cref="SectionKind"/>) with the four text fields, its document's id and metadata as doc values; each policy
/// document has one more Lucene document (<see cref="DocumentKind"/>) holding its whole <see cref="DocumentRecord"/>.
/// </summary>
internal static class LuceneFields
{
    public const string Kind = "kind";
    public const string SectionKind = "section";
    public const string DocumentKind = "document";

    /// <summary>
    /// The policy document's id, on both kinds of Lucene document, so one term deletes a document whole; a section's
    /// also as doc values (grouping), a document's own Lucene document's stored.
    /// </summary>
    public const string Id = "id";

    /// <summary>The section's place in its document's <see cref="DocumentRecord.Sections"/>.</summary>
    public const string Position = "position";

    /// <summary>
    /// The document's outline (its <see cref="DocumentRecord"/> with every section's body empty) as JSON, on the
    /// document's own Lucene document.
    /// </summary>
    public const string Record = "record";

    /// <summary>A section's body as printed, stored on the section's Lucene document, so a hit reads its own section only.</summary>
    public const string StoredBody = "storedbody";

    /// <summary>The document's title as stored on its own Lucene document, for suggestions without reading the record.</summary>
    public const string StoredTitle = "storedtitle";

    /// <summary>The terms of the document's own 发文字号 (<see cref="DocumentNumberTerms"/>), untokenized.</summary>
    public const string Number = "number";

    public const string Issuer = "issuer";
    public const string Industry = "industry";
    public const string Unit = "unit";
    public const string Region = "region";
    public const string Type = "type";
    public const string Year = "year";

    /// <summary>The day number a date order sorts by (the date, or 1 January of the year), <see cref="NoDate"/> when neither is known.</summary>
    public const string SortDay = "sortday";

    public const int NoYear = -1;
    public const int NoDate = int.MinValue;

    /// <summary>The text fields, indexed by <see cref="IndexField"/>.</summary>
    public static readonly string[] Text = ["title", "heading", "body", "units"];

    public static string TextOf(IndexField field) => Text[(int)field];
}
