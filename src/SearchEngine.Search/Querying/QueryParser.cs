using System.Globalization;
using System.Text;
using SearchEngine.Search.Model;

namespace SearchEngine.Search.Querying;

/// <summary>
/// Parses the query language search boxes use: words (all must match), "exact phrases", OR or |, -exclude or
/// NOT, parentheses, title: heading: body: unit: field limits, and the filters year:2021..2024, issuer:,
/// industry:, region:, type:. Lenient: whatever is broken (an unclosed quote or bracket, an unknown field, a
/// dangling OR) is repaired, and the repair is reported as a warning; parsing never fails. Brackets and spaces
/// inside a word are not syntax: a 发文字号 in any spelling and a term such as 盐(氟)化工 stay one word (<see cref="WordParentheses"/>).
/// A filter after '-' or NOT excludes its value (-issuer:…, NOT region:…); the year cannot be excluded.
/// </summary>
public static class QueryParser
{
    /// <summary>
    /// Deepest bracket nesting honoured; brackets deeper than this are dropped, so their words join the group at
    /// this depth. The parser recurses once per level, so this also bounds its stack use whatever the input.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly Dictionary<string, IndexField> TextFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = IndexField.Title, ["标题"] = IndexField.Title,
        ["heading"] = IndexField.Heading, ["标题路径"] = IndexField.Heading, ["章节"] = IndexField.Heading,
        ["body"] = IndexField.Body, ["正文"] = IndexField.Body,
        ["unit"] = IndexField.Units, ["units"] = IndexField.Units, ["单位"] = IndexField.Units,
    };

    private static readonly HashSet<string> FilterFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "issuer", "industry", "region", "type", "年份", "发文机关", "产业", "地区", "文种",
    };

    public static ParsedQuery Parse(string? text)
    {
        var state = new State(Tokenize(text ?? ""), text ?? "");
        FlattenDeepBrackets(state);
        var root = ParseOr(state, 0, null);
        if (state.Position < state.Tokens.Count)
            state.Warnings.Add("An unmatched ')' was ignored.");
        return new ParsedQuery(Simplify(root), state.Filters, state.Warnings) { QueryFilters = state.QueryFilters };
    }

    // ---- syntax -------------------------------------------------------------------------------------------

    private static QueryNode? ParseOr(State s, int depth, IndexField? field)
    {
        var children = new List<QueryNode>();
        var current = ParseAnd(s, depth, field);
        if (current is not null)
            children.Add(current);
        while (s.Peek() is { Kind: TokenKind.Or })
        {
            s.Position++;
            var next = ParseAnd(s, depth, field);
            if (next is null)
                s.Warnings.Add("OR needs a term on both sides; the dangling OR was ignored.");
            else
                children.Add(next);
        }
        return children.Count switch { 0 => null, 1 => children[0], _ => new OrNode(children) };
    }

    private static QueryNode? ParseAnd(State s, int depth, IndexField? field)
    {
        var children = new List<QueryNode>();
        while (s.Peek() is { } token && token.Kind is not (TokenKind.Or or TokenKind.Close))
        {
            var unary = ParseUnary(s, depth, field);
            if (unary is not null)
                children.Add(unary);
        }
        if (children.Count > 0 && children.All(c => c is NotNode))
        {
            s.Warnings.Add("A query of exclusions only matches nothing to exclude from; the exclusions were ignored.");
            return null;
        }
        return children.Count switch { 0 => null, 1 => children[0], _ => new AndNode(children) };
    }

    private static QueryNode? ParseUnary(State s, int depth, IndexField? field)
    {
        var token = s.Next();
        if (token.Kind == TokenKind.Not)
        {
            if (s.Peek() is { Kind: TokenKind.Field } field1 && FilterFields.Contains(field1.Text))
            {
                s.Position++;
                return ParseFilter(s, field1, token);
            }
            var child = s.Peek() is { Kind: not (TokenKind.Or or TokenKind.Close) } ? ParsePrimary(s, s.Next(), depth, field) : null;
            if (child is null)
            {
                s.Warnings.Add("'-' or NOT needs a term after it; it was ignored.");
                return null;
            }
            return new NotNode(child);
        }
        return ParsePrimary(s, token, depth, field);
    }

    private static QueryNode? ParsePrimary(State s, Token token, int depth, IndexField? field)
    {
        switch (token.Kind)
        {
            case TokenKind.Open:
                // FlattenDeepBrackets already dropped every bracket deeper than MaxDepth, so this recursion is bounded.
                var inner = ParseOr(s, depth + 1, field);
                if (s.Peek() is { Kind: TokenKind.Close })
                    s.Position++;
                else if (!s.CloseWarned)
                {
                    s.Warnings.Add("A '(' was not closed; the query was closed at its end.");
                    s.CloseWarned = true;
                }
                return inner;
            case TokenKind.Phrase:
                if (!token.Closed)
                    s.Warnings.Add("A quote was not closed; the phrase runs to the end of the query.");
                return token.Text.Trim().Length == 0 ? null : new PhraseNode(token.Text, field);
            case TokenKind.Field:
                return ParseField(s, token, depth);
            case TokenKind.Word:
                return new WordNode(token.Text, field);
            default: // a stray ')' or OR where a term belongs
                if (token.Kind == TokenKind.Close)
                    s.Warnings.Add("An unmatched ')' was ignored.");
                return null;
        }
    }

    private static QueryNode? ParseField(State s, Token token, int depth)
    {
        string name = token.Text;
        // In a chain such as title:body:x the last text field wins; walking the chain here instead of recursing
        // through ParsePrimary keeps a chain of 100,000 field names off the call stack.
        while (TextFields.ContainsKey(name) && s.Peek() is { Kind: TokenKind.Field } inner)
        {
            name = inner.Text;
            s.Position++;
        }
        var value = s.Peek();
        if (FilterFields.Contains(name))
            return ParseFilter(s, token with { Text = name }, null);
        if (!TextFields.TryGetValue(name, out var field))
        {
            s.Warnings.Add($"Unknown field '{name}:'; searched as text. Fields: title, heading, body, unit, year, issuer, industry, region, type.");
            return new WordNode(name, null);
        }
        if (value is null || value.Kind is TokenKind.Or or TokenKind.Close or TokenKind.Not)
        {
            s.Warnings.Add($"'{name}:' needs a term after it; it was ignored.");
            return null;
        }
        s.Position++;
        return ParsePrimary(s, value, depth, field);
    }

    /// <summary>A filter field and its value (after '-' or NOT when <paramref name="not"/> is given): the filter, never a node.</summary>
    private static QueryNode? ParseFilter(State s, Token field, Token? not)
    {
        string name = field.Text;
        if (s.Peek() is not { Kind: TokenKind.Word or TokenKind.Phrase } value)
        {
            s.Warnings.Add($"'{name}:' needs a value, e.g. {name}:2021..2024 or {name}:湖南省人民政府; it was ignored.");
            return null;
        }
        s.Position++;
        int start = (not ?? field).Start;
        AddFilter(s, name, value.Text, not is not null, s.Text[start..Math.Max(start, value.End)]);
        return null;
    }

    private static void AddFilter(State s, string name, string value, bool excluded, string typed)
    {
        string facet;
        SearchFilters filter;
        switch (name.ToLowerInvariant())
        {
            case "year" or "年份":
                if (excluded)
                {
                    s.Warnings.Add($"A year cannot be excluded; '{typed}' was ignored. Use a range such as year:2021..2024.");
                    return;
                }
                if (!TryParseYears(value, out int from, out int to))
                {
                    s.Warnings.Add($"'year:{value}' is not a year or range (2021, 2021..2024); it was ignored.");
                    return;
                }
                (facet, filter) = (FacetNames.Year, new SearchFilters { YearFrom = from, YearTo = to });
                break;
            case "issuer" or "发文机关":
                (facet, filter) = (FacetNames.Issuer, excluded ? new SearchFilters { ExcludedIssuers = [value] } : new SearchFilters { Issuers = [value] });
                break;
            case "industry" or "产业":
                (facet, filter) = (FacetNames.Industry, excluded ? new SearchFilters { ExcludedIndustries = [value] } : new SearchFilters { Industries = [value] });
                break;
            case "region" or "地区":
                (facet, filter) = (FacetNames.Region, excluded ? new SearchFilters { ExcludedRegions = [value] } : new SearchFilters { Regions = [value] });
                break;
            default:
                (facet, filter) = (FacetNames.Type, excluded ? new SearchFilters { ExcludedTypes = [value] } : new SearchFilters { Types = [value] });
                break;
        }
        s.Filters = s.Filters.And(filter);
        s.QueryFilters.Add(new QueryFilter(facet, value, excluded, typed));
    }

    /// <summary>2021, 2021..2024, 2021-2024, 2021—2024, 2021.., ..2024.</summary>
    public static bool TryParseYears(string value, out int from, out int to)
    {
        from = 0;
        to = 9999;
        var parts = value.Split(["..", "—", "-", "~", "至"], 2, StringSplitOptions.None);
        bool Year(string p, out int y) => int.TryParse(p.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out y) && y is >= 1900 and <= 2200;
        if (parts.Length == 1)
        {
            if (!Year(parts[0], out from))
                return false;
            to = from;
            return true;
        }
        bool hasFrom = parts[0].Trim().Length > 0, hasTo = parts[1].Trim().Length > 0;
        if ((!hasFrom && !hasTo) || (hasFrom && !Year(parts[0], out from)) || (hasTo && !Year(parts[1], out to)))
            return false;
        if (from > to)
            (from, to) = (to, from);
        return true;
    }

    /// <summary>
    /// Drops each '(' that would open a level deeper than <see cref="MaxDepth"/>, together with the ')' that closes
    /// it, in one loop over the tokens, so that a query of 100,000 brackets costs no deeper recursion than 32; and
    /// drops each ')' that closes nothing.
    /// </summary>
    private static void FlattenDeepBrackets(State s)
    {
        var tokens = s.Tokens;
        int depth = 0, dropped = 0, kept = 0;
        bool unmatched = false;
        for (int i = 0; i < tokens.Count; i++)
        {
            var kind = tokens[i].Kind;
            if (kind == TokenKind.Open)
            {
                if (depth++ < MaxDepth)
                    tokens[kept++] = tokens[i];
                else
                    dropped++;
                continue;
            }
            if (kind == TokenKind.Close)
            {
                // A ')' with no '(' to close would end the query early: the words after it would be lost.
                if (depth == 0)
                {
                    unmatched = true;
                    continue;
                }
                if (depth-- > MaxDepth)
                    continue; // closes a dropped '('
            }
            tokens[kept++] = tokens[i];
        }
        tokens.RemoveRange(kept, tokens.Count - kept);
        if (dropped > 0)
            s.Warnings.Add($"Brackets nested deeper than {MaxDepth} levels were flattened.");
        if (unmatched)
            s.Warnings.Add("An unmatched ')' was ignored.");
    }

    private static QueryNode? Simplify(QueryNode? node) => node switch
    {
        AndNode { Children.Count: 1 } a => Simplify(a.Children[0]),
        OrNode { Children.Count: 1 } o => Simplify(o.Children[0]),
        _ => node,
    };

    // ---- lexing ----------------------------------------------------------------------------------------------

    private enum TokenKind { Word, Phrase, Field, Open, Close, Or, Not }

    /// <summary>A token and where it was typed: <see cref="Start"/> to <see cref="End"/> in the query text.</summary>
    private sealed record Token(TokenKind Kind, string Text, bool Closed = true)
    {
        public int Start { get; init; }
        public int End { get; init; }
    }

    private sealed class State(List<Token> tokens, string text)
    {
        public List<Token> Tokens { get; } = tokens;
        public string Text { get; } = text;
        public List<QueryFilter> QueryFilters { get; } = [];
        public int Position { get; set; }
        public List<string> Warnings { get; } = [];
        public SearchFilters Filters { get; set; } = SearchFilters.None;
        public bool CloseWarned { get; set; }

        public Token? Peek() => Position < Tokens.Count ? Tokens[Position] : null;

        public Token Next() => Tokens[Position++];
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        // A document number's spaces and brackets are part of the word (湘政办发〔2021〕47 号, 湘政办发(2024)3号).
        var numbers = WordParentheses.NumberRanges(text);
        int number = 0;
        bool InNumber(int at)
        {
            while (number < numbers.Count && numbers[number].End <= at)
                number++;
            return number < numbers.Count && numbers[number].Start <= at;
        }
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c) && !IsPair(text, i))
            {
                i++;
                continue;
            }
            switch (c)
            {
                case '(' or '（':
                    tokens.Add(new Token(TokenKind.Open, "("));
                    i++;
                    continue;
                case ')' or '）':
                    tokens.Add(new Token(TokenKind.Close, ")"));
                    i++;
                    continue;
                case '|' or '｜':
                    tokens.Add(new Token(TokenKind.Or, "|"));
                    i++;
                    continue;
                case '"' or '“' or '”' or '＂':
                    int end = text.IndexOfAny(['"', '“', '”', '＂'], i + 1);
                    tokens.Add(end < 0
                        ? new Token(TokenKind.Phrase, text[(i + 1)..], Closed: false) { Start = i, End = text.Length }
                        : new Token(TokenKind.Phrase, text[(i + 1)..end]) { Start = i, End = end + 1 });
                    i = end < 0 ? text.Length : end + 1;
                    continue;
                case '-' or '－' when i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '（'):
                    tokens.Add(new Token(TokenKind.Not, "-") { Start = i, End = i + 1 });
                    i++;
                    continue;
            }
            int start = i;
            var word = new StringBuilder();
            while (i < text.Length)
            {
                if (InNumber(i))
                {
                    // Kept as typed: a space is what tells the analyzer where a bare year ends (湘政办发2021 47号).
                    word.Append(text[i]);
                    i++;
                    continue;
                }
                if (text[i] is '(' or '（' && word.Length > 0 && WordParentheses.TryGluedClose(text, i, out int close))
                {
                    // 盐(氟)化工: a '(' glued to the word before it whose ')' the word goes on after is not grouping.
                    word.Append(text, i, close + 1 - i);
                    i = close + 1;
                    continue;
                }
                if (char.IsWhiteSpace(text[i]) || text[i] is '(' or '（' or ')' or '）' or '|' or '｜' or '"' or '“' or '”' or '＂')
                    break;
                if (!char.IsControl(text[i]) && (!char.IsSurrogate(text[i]) || IsPair(text, i) || (i > 0 && char.IsHighSurrogate(text[i - 1]))))
                    word.Append(text[i]);
                if ((text[i] is ':' or '：') && word.Length > 1 && IsFieldName(word.ToString(0, word.Length - 1)))
                {
                    tokens.Add(new Token(TokenKind.Field, word.ToString(0, word.Length - 1)) { Start = start, End = i + 1 });
                    word.Clear();
                    i++;
                    start = -1;
                    break;
                }
                i++;
            }
            if (start < 0 || word.Length == 0)
                continue;
            string w = word.ToString();
            tokens.Add(w switch
            {
                "OR" or "或" => new Token(TokenKind.Or, w),
                "AND" or "与" => new Token(TokenKind.Word, ""), // AND is the default; an empty word is dropped below
                "NOT" => new Token(TokenKind.Not, w),
                _ => new Token(TokenKind.Word, w),
            } with { Start = start, End = i });
        }
        tokens.RemoveAll(t => t.Kind == TokenKind.Word && t.Text.Length == 0);
        return tokens;
    }

    /// <summary>Any ASCII word before a colon is a field name (unknown ones are reported); Chinese ones must be known.</summary>
    private static bool IsFieldName(string name) =>
        TextFields.ContainsKey(name) || FilterFields.Contains(name) || name.All(char.IsAsciiLetter);

    private static bool IsPair(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
