using System.Text;
using System.Xml;
using SearchEngine.Web.Export;

namespace SearchEngine.Web.Feeds;

/// <summary>
/// Writes an <see cref="AtomFeed"/> as RFC 4287 XML with <see cref="XmlWriter"/>, never by concatenating markup: every
/// value is written as text or as an attribute value, so the writer escapes it, and characters XML cannot hold are
/// dropped first (<see cref="XmlCharacters"/>). A summary is HTML carried as text (<c>type="html"</c>): its markup
/// is escaped once more here, and a reader unescapes it once to get the HTML back.
/// </summary>
internal static class AtomFeedWriter
{
    public const string MediaType = "application/atom+xml";

    public const string ContentType = MediaType + "; charset=utf-8";

    private const string Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The feed as UTF-8 bytes (no byte order mark), with an XML declaration.</summary>
    public static byte[] Write(AtomFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            Text(xml, "id", feed.Id);
            Text(xml, "title", feed.Title);
            Text(xml, "subtitle", feed.Subtitle);
            Text(xml, "updated", FeedDates.Rfc3339(feed.Updated));
            xml.WriteStartElement("author", Atom);
            Text(xml, "name", AtomFeed.ServiceName);
            Text(xml, "uri", feed.Site.AbsoluteUri);
            xml.WriteEndElement();
            Link(xml, "self", MediaType, feed.Self);
            Link(xml, "alternate", "text/html", feed.Alternate);
            xml.WriteStartElement("generator", Atom);
            xml.WriteAttributeString("uri", feed.Site.AbsoluteUri);
            xml.WriteString(AtomFeed.ServiceName);
            xml.WriteEndElement();
            foreach (var entry in feed.Entries)
                Entry(xml, entry);
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, AtomFeed.Entry entry)
    {
        xml.WriteStartElement("entry", Atom);
        Text(xml, "id", entry.Id);
        Text(xml, "title", entry.Title);
        string time = FeedDates.Rfc3339(entry.Updated);
        Text(xml, "updated", time);
        // a document is published once, on its date; the index holds no later revision date
        Text(xml, "published", time);
        foreach (string author in entry.Authors)
        {
            xml.WriteStartElement("author", Atom);
            Text(xml, "name", author);
            xml.WriteEndElement();
        }
        Link(xml, "alternate", "text/html", entry.Link);
        foreach (string category in entry.Categories)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", XmlCharacters.Clean(category));
            xml.WriteEndElement();
        }
        xml.WriteStartElement("summary", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(XmlCharacters.Clean(entry.SummaryHtml));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string value) =>
        xml.WriteElementString(name, Atom, XmlCharacters.Clean(value));

    private static void Link(XmlWriter xml, string relation, string type, Uri href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", relation);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }
}
