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

    /// <summary>
    /// Deepest element nesting parsed. Real pages stay under a hundred levels; the parser slows down
    /// quadratically with depth, so a page built to be deep is refused before parsing.
    /// </summary>
    public const int MaxNesting = 4096;

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    public SourceFormat Format => SourceFormat.Html;

    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm", ".shtml"];

    public ReadResult Read(string path)
    {
        var decoded = TextFileReader.Decode(File.ReadAllBytes(path));
        if (!decoded.Succeeded)
            return decoded;
        int depth = NestingDepth(decoded.Text!);
        if (depth > MaxNesting)
            return ReadResult.Fail($"the page nests elements {depth:N0} levels deep (the limit is {MaxNesting:N0}); it was not parsed");
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
        // Sites print the title above the content box (<h1>, a "title" paragraph); it belongs to the document.
        if (TitleAbove(document, content) is { } heading && !text.StartsWith(heading, StringComparison.Ordinal))
            text = heading + "\n" + text;
        // The information table (索引号 发文机关 文号 成文日期 …) is printed metadata: it goes in front of the text,
        // one labelled line per row, where the metadata reader finds it and the index makes it searchable.
        if (InformationTable(document, content) is { } table)
            text = table + "\n" + text;
        return ReadResult.Ok(text, properties);
    }

    private static readonly string[] TableLabels =
        ["索引号", "发文机关", "发布机构", "文号", "发文字号", "成文日期", "发布日期", "主题分类", "标题", "生效日期", "实施日期", "有效性"];

    /// <summary>
    /// The smallest element outside the article that names at least two of the labels of a government
    /// information-disclosure table, rendered as text; null when the page has none.
    /// </summary>
    private static string? InformationTable(IDocument document, IElement content)
    {
        IElement? best = null;
        foreach (var element in document.Body?.QuerySelectorAll("table, div, ul, dl") ?? Enumerable.Empty<IElement>())
        {
            if (element.Contains(content) || content.Contains(element))
                continue;
            string squeezed = Squeeze(element.TextContent);
            if (squeezed.Length > 1500 || TableLabels.Count(l => squeezed.Contains(l, StringComparison.Ordinal)) < 2)
                continue;
            if (best is null || best.Contains(element))
                best = element;
        }
        if (best is null)
            return null;
        var lines = ToText(best).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>The title printed above the article: the closest &lt;h1&gt;–&lt;h3&gt; or "title" element before it.</summary>
    private static string? TitleAbove(IDocument document, IElement content)
    {
        string? found = null;
        foreach (var element in document.Body?.QuerySelectorAll("h1, h2, h3, [class*='title' i], [id*='title' i]") ?? Enumerable.Empty<IElement>())
        {
            if (element.Contains(content) || content.Contains(element))
                continue;
            string text = string.Join("", element.TextContent.Split('\n').Select(l => l.Trim()));
            string squeezed = Squeeze(text);
            if (squeezed.Length is < 5 or > 150 || TableLabels.Any(l => squeezed.Contains(l, StringComparison.Ordinal)))
                continue;
            if (element.CompareDocumentPosition(content).HasFlag(DocumentPositions.Following))
                found = text; // the last one before the article is the closest
        }
        // The page's <h1> may follow a position bar but still be the title when nothing closer is marked so.
        return found ?? (document.QuerySelector("h1") is { } h1 && !content.Contains(h1) && h1.TextContent.Trim() is { Length: > 0 } h ? h : null);
    }

    private static string Squeeze(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '\u3000'));

    /// <summary>Elements whose content the parser reads as text: a tag inside them builds nothing.</summary>
    private static readonly HashSet<string> RawTextTags = new(StringComparer.Ordinal) { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes" };

    /// <summary>Elements a start tag of the same name closes when one is the current element (&lt;p&gt;&lt;p&gt; are siblings).</summary>
    private static readonly HashSet<string> SiblingClosedTags = new(StringComparer.Ordinal) { "p", "li", "dt", "dd", "option", "tr", "td", "th" };

    /// <summary>
    /// The HTML standard's "special" elements. An end tag of another name (span, b, font…) is ignored when one of
    /// these was opened after its element; an end tag of one of these closes its element only "in scope".
    /// </summary>
    private static readonly HashSet<string> SpecialTags = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "embed", "fieldset",
        "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta",
        "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search",
        "section", "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th",
        "thead", "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo", "mn", "ms", "mtext", "annotation-xml",
        "foreignobject", "desc",
    };

    /// <summary>Elements that bound a scope: an end tag does not close an element opened before one of these.</summary>
    private static readonly HashSet<string> ScopeTags = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
        "mi", "mo", "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title",
    };

    /// <summary>
    /// The deepest element nesting the parser would build, estimated by a linear scan of the markup. It follows
    /// the parser where a page can make a plain count of tags lie: an end tag closes only an element of its name
    /// that is open and in scope (then it closes every element opened after it too), otherwise it is ignored;
    /// &lt;div/&gt; opens a div like &lt;div&gt; does (only void elements have no content); tags in comments and in
    /// script or style text build nothing. Where it errs, it errs deep, which can only refuse a page, never let a
    /// deep one through.
    /// </summary>
    internal static int NestingDepth(string html)
    {
        var stack = new OpenElements();
        int max = 0;
        int i = html.IndexOf('<');
        while (i >= 0 && i + 1 < html.Length)
        {
            int next = i + 1;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                int close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                next = close < 0 ? html.Length : close + 3;
            }
            else if (html[i + 1] == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
            {
                stack.Close(TagName(html, i + 2));
            }
            else if (char.IsAsciiLetter(html[i + 1]))
            {
                int end = html.IndexOf('>', i);
                if (end < 0)
                    break;
                string name = TagName(html, i + 1);
                // Inside <svg> or <math> these are ordinary elements whose content is parsed, so it is scanned too.
                if (RawTextTags.Contains(name) && !stack.IsOpen("svg") && !stack.IsOpen("math"))
                {
                    int close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    next = close < 0 ? html.Length : close;
                    max = Math.Max(max, stack.Count + 1);
                }
                else if (!VoidTags.Contains(name))
                {
                    if (SiblingClosedTags.Contains(name) && stack.Current == name)
                        stack.Pop();
                    stack.Push(name);
                    max = Math.Max(max, stack.Count);
                }
                next = Math.Max(next, end + 1);
            }
            i = next < html.Length ? html.IndexOf('<', next) : -1;
        }
        return max;
    }

    /// <summary>
    /// The parser's stack of open elements, by name, with where each name and each scope boundary last is, so an
    /// end tag is matched in constant time and every element is pushed and popped once: the scan stays linear.
    /// </summary>
    private sealed class OpenElements
    {
        private readonly List<string> _names = [];
        private readonly Dictionary<string, List<int>> _positions = new(StringComparer.Ordinal);
        private readonly List<int> _scopes = [];
        private readonly List<int> _specials = [];
        private readonly List<int> _buttons = [];
        private readonly List<int> _lists = [];

        public int Count => _names.Count;

        public string? Current => _names.Count > 0 ? _names[^1] : null;

        public bool IsOpen(string name) => _positions.TryGetValue(name, out var at) && at.Count > 0;

        public void Push(string name)
        {
            int position = _names.Count;
            _names.Add(name);
            if (!_positions.TryGetValue(name, out var at))
                _positions[name] = at = [];
            at.Add(position);
            if (ScopeTags.Contains(name))
                _scopes.Add(position);
            if (SpecialTags.Contains(name))
                _specials.Add(position);
            if (name == "button")
                _buttons.Add(position);
            if (name is "ol" or "ul")
                _lists.Add(position);
        }

        public void Pop()
        {
            int position = _names.Count - 1;
            string name = _names[position];
            _names.RemoveAt(position);
            _positions[name].RemoveAt(_positions[name].Count - 1);
            Unmark(_scopes, position);
            Unmark(_specials, position);
            Unmark(_buttons, position);
            Unmark(_lists, position);
        }

        private static void Unmark(List<int> marks, int position)
        {
            if (marks.Count > 0 && marks[^1] == position)
                marks.RemoveAt(marks.Count - 1);
        }

        /// <summary>An end tag: closes the innermost element of the name and all opened after it, if the parser would.</summary>
        public void Close(string name)
        {
            if (!_positions.TryGetValue(name, out var at) || at.Count == 0)
                return; // a stray end tag
            int position = at[^1];
            // A special element closes in scope (a <p> also within a <button>, an <li> within a list); any other
            // element only when no special element was opened after it.
            int bound = SpecialTags.Contains(name) ? Last(_scopes) : Last(_specials);
            if (name == "p")
                bound = Math.Max(bound, Last(_buttons));
            if (name == "li")
                bound = Math.Max(bound, Last(_lists));
            if (position < bound)
                return;
            while (_names.Count > position)
                Pop();
        }

        private static int Last(List<int> marks) => marks.Count > 0 ? marks[^1] : -1;
    }

    /// <summary>The lower-case tag name starting at <paramref name="start"/>.</summary>
    private static string TagName(string html, int start)
    {
        int end = start;
        while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
            end++;
        return html[start..end].ToLowerInvariant();
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
        if (Meta("SiteName") is { Length: > 0 } site)
            properties[SourceProperties.Site] = site;
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
        // No known container: the element whose direct paragraphs carry the most text, <body> itself included
        // (a page may put its paragraphs straight into it).
        return document.Body?.Descendants<IElement>().Prepend(document.Body)
            .Select(e => (Element: e, Own: e.Children.Where(c => c.TagName is "P" or "DIV" && c.Children.Length <= 3).Sum(c => c.TextContent.Trim().Length)))
            .OrderByDescending(x => x.Own)
            .Select(x => x.Element)
            .FirstOrDefault(e => e.TextContent.Trim().Length > 0) ?? document.Body;
    }

    /// <summary>
    /// Text with a line break around every block element, so paragraphs and headings stay apart. Walks with an
    /// explicit stack: a hostile page nested a million levels deep must not overflow the call stack.
    /// </summary>
    private static string ToText(INode root)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (n, closing) = stack.Pop();
            bool block = n is IElement e && BlockTags.Contains(e.TagName);
            if (closing)
            {
                sb.Append('\n');
                continue;
            }
            if (n is IText t)
            {
                sb.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }
            if (block)
            {
                sb.Append('\n');
                stack.Push((n, true));
            }
            for (int i = n.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push((n.ChildNodes[i], false));
        }
        return sb.ToString();
    }
}
