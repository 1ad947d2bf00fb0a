using System.Net;
using System.Text;
using SearchEngine.Search.Model;
using SearchEngine.Web.Export;

namespace SearchEngine.Web.Feeds;

/// <summary>
/// An Atom feed (RFC 4287) of a search, as <see cref="AtomFeedWriter"/> writes it: what the feed says about itself
/// and its entries, one per document, newest first. Every address is absolute.
/// </summary>
/// <param name="Id">The feed's permanent IRI (a <c>tag:</c> URI of its canonical query).</param>
/// <param name="Title">The search in words: 政策检索：氢能（地区：怀化市）.</param>
/// <param name="Subtitle">How many documents the search finds and how many the feed lists.</param>
/// <param name="Self">The feed's own address (<c>link rel="self"</c>).</param>
/// <param name="Alternate">The page showing the same search (<c>link rel="alternate" type="text/html"</c>).</param>
/// <param name="Site">The page's address, for the feed's author and generator.</param>
/// <param name="Entries">The documents, newest first.</param>
internal sealed record AtomFeed(string Id, string Title, string Subtitle, Uri Self, Uri Alternate, Uri Site, IReadOnlyList<AtomFeed.Entry> Entries)
{
    /// <summary>
    /// The year in every <c>tag:</c> URI this server mints (RFC 4151: a day on which the authority owned its name).
    /// It never changes: changing it would change every id and make every reader show every entry again.
    /// </summary>
    public const string TagYear = "2026";

    /// <summary>The feed's author and the generator's name: the service itself (entries name their issuers).</summary>
    public const string ServiceName = "政策文件检索";

    /// <summary>When the feed last changed: its newest entry's <c>updated</c>, or <see cref="FeedDates.Undated"/> when it has none.</summary>
    public DateTimeOffset Updated => Entries.Count == 0 ? FeedDates.Undated : Entries.Max(e => e.Updated);

    /// <summary>
    /// A document in the feed. <paramref name="SummaryHtml"/> is HTML (the writer escapes it once more as XML text,
    /// <c>type="html"</c>): the document's number, date and issuers, the section, and the snippet, every text escaped
    /// and <c>&lt;mark&gt;</c> the only element.
    /// </summary>
    public sealed record Entry(string Id, string Title, DateTimeOffset Updated, IReadOnlyList<string> Authors, Uri Link, IReadOnlyList<string> Categories, string SummaryHtml)
    {
        /// <summary>The entry of a hit (a document's best section), linking to that section on the page with the query.</summary>
        public static Entry From(SearchHit hit, string query, Uri page, string host)
        {
            var updated = FeedDates.Of(hit.Date, hit.Year);
            return new Entry(
                DocumentId(host, hit.DocumentId), hit.Title, updated, hit.Issuers,
                new Uri(page, SearchResponse.PageLink(hit.DocumentId, hit.SectionId, query)),
                hit.Industries, Summary(hit));
        }

        /// <summary><c>tag:HOST,2026:document:ID</c> — the same document always has the same id, whatever search finds it.</summary>
        public static string DocumentId(string host, string documentId) => $"tag:{host},{TagYear}:document:{Uri.EscapeDataString(documentId)}";

        private static string Summary(SearchHit hit)
        {
            // 发文字号 — the issuing number, such as 湘政办发〔2021〕47号; 成文日期 — the date the document was written
            var facts = new List<string>();
            if (hit.DocumentNumber is { Length: > 0 } number)
                facts.Add("发文字号：" + number);
            if (hit.Date is { } date)
                facts.Add("成文日期：" + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            else if (hit.Year is { } year)
                facts.Add($"年份：{year}");
            if (hit.Issuers.Count > 0)
                facts.Add("发文机关：" + string.Join("、", hit.Issuers));
            var html = new StringBuilder();
            if (facts.Count > 0)
                html.Append("<p>").Append(WebUtility.HtmlEncode(string.Join("；", facts))).Append("</p>");
            if (hit.HeadingPath.Count > 0)
                html.Append("<p>章节：").Append(WebUtility.HtmlEncode(string.Join(" › ", hit.HeadingPath))).Append("</p>");
            html.Append("<p>").Append(SnippetText.Html(hit.Snippet)).Append("</p>");
            return html.ToString();
        }
    }
}
