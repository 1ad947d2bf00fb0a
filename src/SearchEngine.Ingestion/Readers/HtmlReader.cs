using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// A scraped government page: the article body, not navigation, header or footer. The body is the element
/// a known content selector names, or else the element whose own paragraphs hold the most text. The page's
/// meta tags (ArticleTitle, PubDate, ContentSource) become declared metadata.
/// </summary>
public sealed class HtmlReader : IDocumentReader
{
    private static readonly string[] ContentSelectors =
    [
        ".article-content", ".TRS_Editor", "#zoom", "#UCAP-CONTENT", ".article", ".content", "article", "main",
    ];

    private static readonly string[] Furniture = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "template"];

    private static readonly HashSet<string> BlockTags =
        ["P", "DIV", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "TABLE", "SECTION", "ARTICLE", "BLOCKQUOTE", "PRE"];

    public SourceFormat Format => SourceFormat.Html;

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".shtml"];

    public ReadResult Read(string path)
    {
        var decoded = TextFileReader.Decode(File.ReadAllBytes(path));
        if (!decoded.Succeeded)
            return decoded;
        var document = new HtmlParser().ParseDocument(decoded.Text!);
        var properties = Properties(document);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Furniture)).ToList())
            element.Remove();
        var content = FindContent(document);
        if (content is null)
            return ReadResult.Fail("the page has no article text");
        string text = ToText(content).Trim();
        if (text.Length == 0)
            return ReadResult.Fail("the page has no article text");
        // Sites print the title as the page's <h1> above the content box; it belongs to the document.
        if (document.QuerySelector("h1") is { } h1 && !content.Contains(h1)
            && h1.TextContent.Trim() is { Length: > 0 } heading && !text.StartsWith(heading, StringComparison.Ordinal))
            text = heading + "\n" + text;
        return ReadResult.Ok(text, properties);
    }

    private static Dictionary<string, string> Properties(IDocument document)
    {
        var properties = new Dictionary<string, string>();
        string? Meta(string name) => document.QuerySelector($"meta[name='{name}' i]")?.GetAttribute("content")?.Trim();
        var title = Meta("ArticleTitle") ?? Meta("dc.title") ?? document.Title?.Trim();
        if (!string.IsNullOrEmpty(title))
            properties[SourceProperties.Title] = title;
        if ((Meta("PubDate") ?? Meta("dc.date") ?? Meta("firstpublishedtime")) is { Length: > 0 } date)
            properties[SourceProperties.Date] = date;
        if ((Meta("ContentSource") ?? Meta("SiteName")) is { Length: > 0 } publisher)
            properties[SourceProperties.Publisher] = publisher;
        return properties;
    }

    private static IElement? FindContent(IDocument document)
    {
        foreach (var selector in ContentSelectors)
        {
            var element = document.QuerySelectorAll(selector).OrderByDescending(e => e.TextContent.Length).FirstOrDefault();
            if (element is not null && element.TextContent.Trim().Length > 50)
                return element;
        }
        // No known container: the element whose direct paragraphs carry the most text.
        return document.Body?.Descendants<IElement>()
            .Select(e => (Element: e, Own: e.Children.Where(c => c.TagName is "P" or "DIV" && c.Children.Length <= 3).Sum(c => c.TextContent.Trim().Length)))
            .OrderByDescending(x => x.Own)
            .Select(x => x.Element)
            .FirstOrDefault(e => e.TextContent.Trim().Length > 0) ?? document.Body;
    }

    /// <summary>Text with a line break around every block element, so paragraphs and headings stay apart.</summary>
    private static string ToText(INode node)
    {
        var sb = new System.Text.StringBuilder();
        void Walk(INode n)
        {
            if (n is IText t)
            {
                sb.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                return;
            }
            bool block = n is IElement e && BlockTags.Contains(e.TagName);
            if (block)
                sb.Append('\n');
            foreach (var child in n.ChildNodes)
                Walk(child);
            if (block)
                sb.Append('\n');
        }
        Walk(node);
        return sb.ToString();
    }
}
