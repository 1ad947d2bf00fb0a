using System.Net;
using System.Text;
using SearchEngine.Core.Analysis;

namespace SearchEngine.Search.Highlighting;

/// <summary>
/// Snippets: re-analyses a section's text with the index analyzer, marks the tokens that are query terms
/// (sub-words included, so 网联 is marked inside 智能网联汽车) and the phrases where their terms occur at the
/// phrase's slot offsets (as the phrase query matched them; a phrase's words alone elsewhere stay unmarked),
/// merges touching marks into one span so a query word or phrase is one &lt;mark&gt;, picks the window with the
/// most distinct terms, and HTML-escapes everything except its own &lt;mark&gt; tags.
/// </summary>
public sealed class Highlighter(ChineseAnalyzer analyzer)
{
    private const char Ellipsis = '…';

    /// <summary>Characters analysed on each side of a snippet window, so words at its edges are cut right.</summary>
    private const int Margin = 12;

    /// <summary>
    /// Characters analysed when no term occurs plainly (matches only after normalisation): a snippet looks at the
    /// start of a very long section rather than analysing megabytes for one line.
    /// </summary>
    internal const int NormalisedSearchCharacters = 64 * 1024;

    /// <summary>
    /// The best fragment of <paramref name="text"/> of about <paramref name="length"/> characters, highlighted.
    /// The window is found from plain occurrences of the terms and only it is analysed; text whose matches need
    /// normalisation to be seen (traditional or full-width characters) is analysed in its first
    /// <see cref="NormalisedSearchCharacters"/> characters.
    /// </summary>
    public string Snippet(string text, HighlightTerms terms, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var rough = Occurrences(text, terms);
        List<(int Start, int End, string Term)> spans;
        int start, end;
        if (rough.Count > 0)
        {
            (start, end) = BestWindow(text, rough, length);
            int from = Math.Max(0, start - Margin), to = Math.Min(text.Length, end + Margin);
            spans = [.. Spans(text[from..to], terms).Select(x => (x.Start + from, x.End + from, x.Term))];
        }
        else
        {
            spans = Spans(text.Length > NormalisedSearchCharacters ? text[..NormalisedSearchCharacters] : text, terms);
            if (spans.Count == 0)
                return Escape(text.Length <= length ? text : text[..length] + Ellipsis);
            (start, end) = BestWindow(text, spans, length);
        }
        var sb = new StringBuilder();
        if (start > 0)
            sb.Append(Ellipsis);
        Render(sb, text, spans, start, end);
        if (end < text.Length)
            sb.Append(Ellipsis);
        return sb.ToString();
    }

    /// <summary>The whole text, highlighted (for the document view).</summary>
    public string Full(string text, HighlightTerms terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var sb = new StringBuilder(text.Length + 64);
        Render(sb, text, Spans(text, terms), 0, text.Length);
        return sb.ToString();
    }

    /// <summary>Where the terms and phrases occur as plain substrings (case-insensitive); a quick guide to the window.</summary>
    private static List<(int Start, int End, string Term)> Occurrences(string text, HighlightTerms terms)
    {
        var found = new List<(int Start, int End, string Term)>();
        foreach (var term in terms.Words.Concat(terms.Phrases.Select(p => p.Text)))
        {
            if (term.Length == 0)
                continue;
            for (int at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0 && found.Count < 256; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
                found.Add((at, at + term.Length, term));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    [ThreadStatic]
    private static List<Token>? t_tokens;

    /// <summary>Most tokens a thread's reused list keeps room for (a long section's; a whole document's is dropped).</summary>
    private const int MaxKeptTokens = 16 * 1024;

    /// <summary>Original-text spans of the query's terms and phrases, merged where they touch or overlap.</summary>
    internal List<(int Start, int End, string Term)> Spans(string text, HighlightTerms terms)
    {
        var marked = new List<(int Start, int End, string Term)>();
        if (terms.IsEmpty || text.Length == 0)
            return marked;
        // The thread's token list, reused: each snippet window's tokens (32 bytes each) were a list grown by doubling
        // and dropped, ten hits a search; only the marked spans leave this method. Cleared first, so tokens an
        // interrupted call left behind are never read.
        var tokens = t_tokens ??= new List<Token>(1024);
        tokens.Clear();
        analyzer.Analyze(text, AnalysisMode.Index, tokens);
        foreach (var t in tokens)
        {
            if (terms.Words.Contains(t.Text))
                marked.Add((t.Start, t.End, t.Text));
        }
        if (terms.Phrases.Count > 0)
            MarkPhrases(tokens, terms.Phrases, marked);
        if (tokens.Capacity > MaxKeptTokens)
            t_tokens = null; // the document view of a long text: not kept for the thread's next snippet
        marked.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<(int Start, int End, string Term)>();
        foreach (var m in marked)
        {
            if (merged.Count > 0 && m.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.End, m.End), last.Term);
            }
            else
            {
                merged.Add(m);
            }
        }
        return merged;
    }

    /// <summary>
    /// Marks each occurrence of a phrase: a token of its first term with a token of every other term at the
    /// phrase's slot offset from it (the rule the phrase query matches by), as one span from the first
    /// character to the last.
    /// </summary>
    private static void MarkPhrases(List<Token> tokens, IReadOnlyList<HighlightPhrase> phrases, List<(int Start, int End, string Term)> marked)
    {
        var wanted = new HashSet<string>(phrases.SelectMany(p => p.Terms), StringComparer.Ordinal);
        var at = new Dictionary<(int Position, string Term), Token>();
        foreach (var t in tokens)
        {
            if (wanted.Contains(t.Text))
                at.TryAdd((t.Position, t.Text), t);
        }
        foreach (var phrase in phrases)
        {
            foreach (var first in at.Values.Where(t => t.Text == phrase.Terms[0]).ToList())
            {
                int start = first.Start, end = first.End;
                bool whole = true;
                for (int i = 1; i < phrase.Terms.Count && whole; i++)
                {
                    whole = at.TryGetValue((first.Position + phrase.Offsets[i] - phrase.Offsets[0], phrase.Terms[i]), out var next);
                    (start, end) = (Math.Min(start, next.Start), Math.Max(end, next.End));
                }
                if (whole)
                    marked.Add((start, end, phrase.Key));
            }
        }
    }

    /// <summary>The window of about <paramref name="length"/> characters covering the most distinct terms, then most marks.</summary>
    private static (int Start, int End) BestWindow(string text, List<(int Start, int End, string Term)> spans, int length)
    {
        int bestStart = spans[0].Start, bestScore = -1;
        for (int i = 0; i < spans.Count; i++)
        {
            int windowEnd = spans[i].Start + length;
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            int count = 0;
            for (int j = i; j < spans.Count && spans[j].End <= windowEnd; j++)
            {
                distinct.Add(spans[j].Term);
                count++;
            }
            int score = (distinct.Count * 100) + count;
            if (score > bestScore)
                (bestScore, bestStart) = (score, spans[i].Start);
        }
        // Start at the sentence the first mark is in, if it begins close enough before it.
        int start = bestStart;
        int sentence = text.LastIndexOfAny(['。', '；', '\n', '！', '？'], Math.Max(0, bestStart - 1));
        start = sentence >= 0 && bestStart - sentence <= length / 3 ? sentence + 1 : Math.Max(0, bestStart - (length / 6));
        while (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]) && char.IsAsciiLetterOrDigit(text[start]))
            start--; // do not cut a Latin word or a number in two
        int end = Math.Min(text.Length, start + length);
        return (start, end);
    }

    private static void Render(StringBuilder sb, string text, List<(int Start, int End, string Term)> spans, int start, int end)
    {
        int at = start;
        foreach (var (s, e, _) in spans)
        {
            if (e <= start || s >= end)
                continue;
            int ms = Math.Max(s, start), me = Math.Min(e, end);
            sb.Append(Escape(text[at..ms]));
            sb.Append("<mark>").Append(Escape(text[ms..me])).Append("</mark>");
            at = me;
        }
        sb.Append(Escape(text[at..end]));
    }

    /// <summary>HTML-escapes text: &amp; &lt; &gt; " ' all become entities.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
