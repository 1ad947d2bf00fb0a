using System.Net;
using System.Text;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Markdown to plain text, one paragraph a line: heading hashes, emphasis, link and image syntax (the link text is
/// kept), inline HTML tags, HTML comments, bullets, table pipes (cells become tab-separated) and code fences go;
/// ordered-list numbers ("1.") and every other character stay. Lines of one paragraph are joined as a renderer
/// would, unless a hard break (two trailing spaces or a backslash) ends them.
/// Written without regular expressions and with look-ups precomputed per paragraph, so any input, however
/// hostile (a megabyte of '*' or '['), is converted in time linear in its length.
/// </summary>
internal static class MarkdownText
{
    /// <summary>The plain text, and the first level-1 heading (ATX "# " or "=" underlined) as the title.</summary>
    public static (string Text, string? Title) ToPlainText(string markdown)
    {
        var lines = markdown.Split('\n');
        var output = new List<string>();
        var paragraph = new StringBuilder();
        string? title = null;
        bool inComment = false, inTable = false;
        string? fence = null;

        void Flush()
        {
            if (paragraph.Length == 0)
                return;
            Emit(output, StripInline(paragraph.ToString()));
            paragraph.Clear();
        }

        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i].TrimEnd('\r');
            if (fence is not null)
            {
                if (raw.Trim().StartsWith(fence, StringComparison.Ordinal) && raw.Trim().Trim(fence[0]).Length == 0)
                    fence = null;
                else
                    Emit(output, raw.TrimEnd());
                continue;
            }
            string line = RemoveComments(raw, ref inComment);
            string trimmed = line.Trim(' ', '\t');
            if (trimmed.Length == 0)
            {
                // A blank line, or a line that was only a comment such as <!-- INFO END -->: the paragraph ends.
                Flush();
                inTable = false;
                continue;
            }
            if (FenceOpening(trimmed) is { } opening)
            {
                Flush();
                fence = opening;
                continue;
            }
            int quote = 0; // block-quote markers, counted rather than cut one by one: "> > > …" may be long
            while (quote < trimmed.Length && trimmed[quote] is '>' or ' ' or '\t')
                quote++;
            if (quote > 0 && trimmed[0] == '>')
                trimmed = trimmed[quote..];
            if (trimmed.Length == 0)
            {
                Flush();
                continue;
            }
            if (paragraph.Length > 0 && IsRunOf(trimmed, '=', 1))
            {
                title ??= StripInline(paragraph.ToString()).Trim();
                Flush();
                continue;
            }
            if (IsThematicBreak(trimmed) || (paragraph.Length > 0 && IsRunOf(trimmed, '-', 2)))
            {
                Flush(); // a rule, or the underline of a level-2 heading
                continue;
            }
            if (AtxHeading(trimmed) is { } heading)
            {
                Flush();
                string text = StripInline(heading.Text).Trim();
                if (heading.Level == 1 && text.Length > 0)
                    title ??= text;
                Emit(output, text);
                continue;
            }
            if (IsReferenceDefinition(trimmed))
                continue;
            if (trimmed.Contains('|') && (inTable || (i + 1 < lines.Length && IsTableDelimiter(lines[i + 1].Trim(' ', '\t', '\r')))))
            {
                Flush();
                inTable = true;
                if (!IsTableDelimiter(trimmed))
                    Emit(output, string.Join('\t', SplitCells(trimmed).Select(c => StripInline(c).Trim())).Trim('\t'));
                continue;
            }
            if (ListItem(trimmed) is { } item)
            {
                Flush();
                trimmed = item;
            }
            bool hardBreak = raw.EndsWith("  ", StringComparison.Ordinal) || trimmed.EndsWith('\\');
            if (trimmed.EndsWith('\\'))
                trimmed = trimmed[..^1];
            AppendSoftBreak(paragraph, trimmed);
            if (hardBreak)
                Flush();
        }
        Flush();
        return (string.Join('\n', output), title);
    }

    private static void Emit(List<string> output, string line)
    {
        if (line.Trim().Length > 0)
            output.Add(line.TrimEnd());
    }

    /// <summary>Removes &lt;!-- … --&gt;, which may span lines; <paramref name="inComment"/> carries over.</summary>
    private static string RemoveComments(string line, ref bool inComment)
    {
        if (!inComment && !line.Contains("<!--", StringComparison.Ordinal))
            return line;
        var kept = new StringBuilder();
        int pos = 0;
        while (pos < line.Length)
        {
            if (inComment)
            {
                int end = line.IndexOf("-->", pos, StringComparison.Ordinal);
                if (end < 0)
                    break;
                inComment = false;
                pos = end + 3;
            }
            else
            {
                int start = line.IndexOf("<!--", pos, StringComparison.Ordinal);
                if (start < 0)
                {
                    kept.Append(line, pos, line.Length - pos);
                    break;
                }
                kept.Append(line, pos, start - pos);
                inComment = true;
                pos = start + 4;
            }
        }
        return kept.ToString();
    }

    private static string? FenceOpening(string trimmed)
    {
        foreach (char c in "`~")
        {
            int run = RunLength(trimmed, 0, c);
            if (run >= 3)
                return new string(c, run);
        }
        return null;
    }

    private static bool IsRunOf(string s, char c, int min) => s.Length >= min && s.TrimEnd().All(x => x == c);

    private static bool IsThematicBreak(string s)
    {
        char c = s[0];
        if (c is not ('-' or '*' or '_'))
            return false;
        int count = 0;
        foreach (char x in s)
        {
            if (x == c)
                count++;
            else if (x is not (' ' or '\t'))
                return false;
        }
        return count >= 3;
    }

    private static (int Level, string Text)? AtxHeading(string s)
    {
        int level = RunLength(s, 0, '#');
        if (level is < 1 or > 6 || (level < s.Length && s[level] is not (' ' or '\t')))
            return null;
        string text = s[level..].Trim(' ', '\t');
        // An optional closing run of '#', when a space separates it from the text.
        int end = text.Length;
        while (end > 0 && text[end - 1] == '#')
            end--;
        if (end == 0)
            text = "";
        else if (end < text.Length && text[end - 1] is ' ' or '\t')
            text = text[..end].TrimEnd();
        return (level, text);
    }

    /// <summary>"[id]: http://…" defines a link target; it is not text.</summary>
    private static bool IsReferenceDefinition(string s)
    {
        if (s[0] != '[' || s.Length < 4 || s[1] == '^')
            return false;
        int close = s.IndexOf("]:", StringComparison.Ordinal);
        if (close < 2 || s.AsSpan(1, close - 1).Contains(']'))
            return false;
        var target = s.AsSpan(close + 2).Trim();
        return target.Length > 0 && !target.Contains(' ') && (target.Contains('/') || target.Contains('.') || target.StartsWith("<"));
    }

    /// <summary>The row under a table's header: pipes, dashes, colons and spaces, with at least one dash.</summary>
    private static bool IsTableDelimiter(string s) =>
        s.Contains('-') && s.Contains('|') && s.All(c => c is '|' or '-' or ':' or ' ' or '\t');

    private static List<string> SplitCells(string row)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        for (int i = 0; i < row.Length; i++)
        {
            if (row[i] == '\\' && i + 1 < row.Length && row[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (row[i] == '|')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(row[i]);
            }
        }
        cells.Add(cell.ToString());
        if (row.StartsWith('|'))
            cells.RemoveAt(0);
        if (row.EndsWith('|') && cells.Count > 0)
            cells.RemoveAt(cells.Count - 1);
        return cells;
    }

    /// <summary>
    /// The content of a list item, or null: a bullet ("- ", "* ", "+ ", and a task box "[ ] ") is dropped; an
    /// ordered number ("1." "1)") is kept, as the document numbers its items that way. The space after it goes
    /// before Chinese text, where the printed document has none ("1.加强…").
    /// </summary>
    private static string? ListItem(string s)
    {
        if (s.Length >= 2 && s[0] is '-' or '*' or '+' && s[1] is ' ' or '\t')
        {
            string rest = s[2..].TrimStart(' ', '\t');
            if (rest.Length >= 3 && rest[0] == '[' && rest[2] == ']' && rest[1] is ' ' or 'x' or 'X')
                rest = rest[3..].TrimStart(' ', '\t');
            return rest;
        }
        int digits = 0;
        while (digits < s.Length && digits < 9 && char.IsAsciiDigit(s[digits]))
            digits++;
        if (digits > 0 && digits + 1 < s.Length && s[digits] is '.' or ')' && s[digits + 1] is ' ' or '\t')
        {
            string rest = s[(digits + 1)..].TrimStart(' ', '\t');
            return rest.Length > 0 && rest[0] > 0x7F ? s[..(digits + 1)] + rest : s;
        }
        return null;
    }

    /// <summary>Joins a paragraph's next line as a renderer would: a space between two Latin words, none in Chinese.</summary>
    private static void AppendSoftBreak(StringBuilder paragraph, string line)
    {
        if (paragraph.Length > 0 && paragraph[^1] < 0x80 && !char.IsWhiteSpace(paragraph[^1]) && line[0] < 0x80)
            paragraph.Append(' ');
        paragraph.Append(line);
    }

    private static bool IsAsciiPunctuation(char c) => c < 0x80 && (char.IsPunctuation(c) || char.IsSymbol(c));

    private static int RunLength(string s, int start, char c)
    {
        int end = start;
        while (end < s.Length && s[end] == c)
            end++;
        return end - start;
    }

    /// <summary>
    /// Inline mark-up out of one paragraph, in one pass: emphasis runs (*, _, ~~) at word edges, backticks,
    /// backslash escapes, links and images (their text stays), inline tags (an autolink keeps its address).
    /// The next ')', '&gt;', '&lt;' and white space after each position are found once up front, so no
    /// construct is ever searched for twice.
    /// </summary>
    public static string StripInline(string s)
    {
        int n = s.Length;
        var nextClose = NextIndexTable(s, c => c == ')');
        var nextSpace = NextIndexTable(s, char.IsWhiteSpace);
        var nextGt = NextIndexTable(s, c => c == '>');
        var nextLt = NextIndexTable(s, c => c == '<');
        var sb = new StringBuilder(n);
        var deleted = new List<int>();
        var open = new Stack<(int Bracket, int Bang)>();
        int i = 0;
        while (i < n)
        {
            char c = s[i];
            switch (c)
            {
                case '\\' when i + 1 < n && IsAsciiPunctuation(s[i + 1]):
                    sb.Append(s[i + 1]);
                    i += 2;
                    continue;
                case '`':
                    i++;
                    continue;
                case '*' or '_' or '~':
                {
                    int run = RunLength(s, i, c);
                    char before = i > 0 ? s[i - 1] : ' ';
                    char after = i + run < n ? s[i + run] : ' ';
                    bool markup = c switch
                    {
                        '*' => !(char.IsWhiteSpace(before) && char.IsWhiteSpace(after)),
                        '_' => !(char.IsLetterOrDigit(before) && char.IsLetterOrDigit(after)),
                        _ => run == 2, // ~~struck~~; a single ~ is a range, as in 3~5年
                    };
                    if (!markup)
                        sb.Append(c, run);
                    i += run;
                    continue;
                }
                case '[':
                    open.Push((sb.Length, i > 0 && s[i - 1] == '!' && sb.Length > 0 && sb[^1] == '!' ? sb.Length - 1 : -1));
                    sb.Append('[');
                    i++;
                    continue;
                case ']':
                {
                    if (open.Count > 0 && i + 1 < n && s[i + 1] == '(' && LinkEnd(s, i + 2, nextClose, nextSpace) is int end and >= 0)
                    {
                        var (bracket, bang) = open.Pop();
                        deleted.Add(bracket);
                        if (bang >= 0)
                            deleted.Add(bang);
                        i = end + 1;
                        continue;
                    }
                    if (open.Count > 0)
                        open.Pop(); // a bracket pair that is not a link stays as printed: 赣府厅发[2020]4号
                    sb.Append(']');
                    i++;
                    continue;
                }
                case '<' when i + 1 < n && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] == '/') && nextGt[i] >= 0 && (nextLt[i + 1] < 0 || nextLt[i + 1] > nextGt[i]):
                {
                    var inner = s.AsSpan(i + 1, nextGt[i] - i - 1);
                    if (inner.Contains("://", StringComparison.Ordinal) || (inner.Contains('@') && !inner.Contains(' ')))
                        sb.Append(inner); // an autolink <http://…>: the address is the text
                    i = nextGt[i] + 1;
                    continue;
                }
                default:
                    sb.Append(c);
                    i++;
                    continue;
            }
        }
        if (deleted.Count > 0)
        {
            var drop = new bool[sb.Length];
            foreach (int d in deleted)
                drop[d] = true;
            var kept = new StringBuilder(sb.Length);
            for (int k = 0; k < sb.Length; k++)
            {
                if (!drop[k])
                    kept.Append(sb[k]);
            }
            sb = kept;
        }
        string text = sb.ToString();
        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }

    /// <summary>
    /// Where the destination of a link that starts at <paramref name="start"/> (just after "](") ends: its ')'.
    /// The destination has no white space unless a quoted title follows it; -1 when this is not a link.
    /// </summary>
    private static int LinkEnd(string s, int start, int[] nextClose, int[] nextSpace)
    {
        if (start > s.Length)
            return -1;
        int close = nextClose[start];
        if (close < 0)
            return -1;
        int space = nextSpace[start];
        if (space < 0 || space > close)
            return close;
        int titleAt = space + 1 < s.Length ? space + 1 : space;
        return s[titleAt] is '"' or '\'' ? close : -1;
    }

    /// <summary>For each position, the index of the next character (at or after it) that matches, or -1.</summary>
    private static int[] NextIndexTable(string s, Func<char, bool> match)
    {
        var next = new int[s.Length + 1];
        next[s.Length] = -1;
        for (int i = s.Length - 1; i >= 0; i--)
            next[i] = match(s[i]) ? i : next[i + 1];
        return next;
    }
}
