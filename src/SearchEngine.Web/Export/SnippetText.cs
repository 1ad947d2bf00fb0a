using System.Net;
using System.Text;

namespace SearchEngine.Web.Export;

/// <summary>
/// A highlighted snippet as the engine gives it — HTML-escaped text with the highlighter's own <c>&lt;mark&gt;</c>
/// tags and nothing else — read back into its pieces, for the formats that cannot take it as it is: plain text for a
/// spreadsheet cell, the marked words for the 匹配词 (matched terms) column, and HTML rebuilt from the pieces for a
/// feed. Any other markup a snippet might carry (it never should) is decoded as text and escaped again, as the
/// page's own <c>marked()</c> does: only <c>&lt;mark&gt;</c> survives.
/// </summary>
internal static class SnippetText
{
    private const string Open = "<mark>", Close = "</mark>";

    /// <summary>A run of the snippet's text, entities decoded, and whether it was marked.</summary>
    public readonly record struct Piece(string Text, bool Marked);

    /// <summary>The snippet's runs in order: unmarked text between the marks, and each mark's text.</summary>
    public static IReadOnlyList<Piece> Pieces(string snippet)
    {
        var pieces = new List<Piece>();
        int at = 0;
        while (at < snippet.Length)
        {
            int open = snippet.IndexOf(Open, at, StringComparison.Ordinal);
            int close = open < 0 ? -1 : snippet.IndexOf(Close, open + Open.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                // no (complete) mark left: the rest is text, a stray tag included
                Add(snippet[at..], false);
                break;
            }
            Add(snippet[at..open], false);
            Add(snippet[(open + Open.Length)..close], true);
            at = close + Close.Length;
        }
        return pieces;

        void Add(string html, bool marked)
        {
            if (html.Length > 0)
                pieces.Add(new Piece(WebUtility.HtmlDecode(html), marked));
        }
    }

    /// <summary>The snippet as plain text: marks removed, entities decoded.</summary>
    public static string Plain(string snippet)
    {
        var text = new StringBuilder(snippet.Length);
        foreach (var piece in Pieces(snippet))
            text.Append(piece.Text);
        return text.ToString();
    }

    /// <summary>The distinct marked words, in the order they first appear (what the search matched in this snippet).</summary>
    public static IReadOnlyList<string> MarkedTerms(string snippet) =>
        [.. Pieces(snippet).Where(p => p.Marked).Select(p => p.Text.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>The snippet as HTML again, built from its pieces: every text escaped, <c>&lt;mark&gt;</c> the only element.</summary>
    public static string Html(string snippet)
    {
        var html = new StringBuilder(snippet.Length + 16);
        foreach (var piece in Pieces(snippet))
        {
            if (piece.Marked)
                html.Append(Open).Append(WebUtility.HtmlEncode(piece.Text)).Append(Close);
            else
                html.Append(WebUtility.HtmlEncode(piece.Text));
        }
        return html.ToString();
    }
}
