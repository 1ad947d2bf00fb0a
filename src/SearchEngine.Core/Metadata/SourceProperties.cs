namespace SearchEngine.Core.Metadata;

/// <summary>Keys of the metadata a reader finds in the file itself (HTML meta tags, .docx core properties, OFD DocInfo).</summary>
public static class SourceProperties
{
    /// <summary>The title the file declares (ArticleTitle, dc:title, &lt;title&gt;, a Markdown "# " heading, OFD Title).</summary>
    public const string Title = "title";

    /// <summary>The publication date the file declares (PubDate, dcterms:created, OFD CreationDate).</summary>
    public const string Date = "date";

    /// <summary>The site a page belongs to (SiteName meta tag): 江西省人民政府.</summary>
    public const string Site = "site";

    /// <summary>The publishing site or body (ContentSource).</summary>
    public const string Publisher = "publisher";

    /// <summary>The author the file declares (OFD DocInfo Author, RTF \author). Informational: no field is filled from it.</summary>
    public const string Author = "author";
}
