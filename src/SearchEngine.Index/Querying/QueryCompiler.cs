using SearchEngine.Core.Analysis;
using SearchEngine.Index.Model;
using SearchEngine.Index.Search;

namespace SearchEngine.Index.Querying;

/// <summary>
/// The middle layer between syntax and execution: runs each word and phrase through the same analyzer as the
/// index, expands words with synonyms (an abbreviation matches its long form as a phrase) unless expansion is
/// off, and maps field limits to scoring-field masks. Also collects what the query matches, for highlighting
/// (a phrase as a phrase), and which words synonyms expanded, so a reader can see it.
/// </summary>
internal sealed class QueryCompiler(ChineseAnalyzer analyzer, SynonymMap synonyms)
{
    private const int AllFields = (1 << Model.IndexFields.ScoringFieldCount) - 1;

    public sealed record Result(Clause? Clause, IReadOnlyList<string> Warnings, HighlightTerms Highlight, IReadOnlyList<Expansion> Expansions);

    /// <summary>
    /// What the positive part of the query matches: terms and phrases to mark, and the words synonyms expanded.
    /// An excluded part collects nothing (its words are not shown as matches).
    /// </summary>
    private sealed class Matched
    {
        public List<HighlightPhrase> Highlight { get; } = [];

        public List<Expansion> Expansions { get; } = [];
    }

    public Result Compile(QueryNode? root, bool expand = true)
    {
        var warnings = new List<string>();
        var matched = new Matched();
        var clause = root is null ? null : Compile(root, expand ? synonyms : SynonymMap.Empty, warnings, matched);
        return new Result(clause, warnings, new HighlightTerms(matched.Highlight), matched.Expansions);
    }

    private Clause? Compile(QueryNode node, SynonymMap map, List<string> warnings, Matched? matched)
    {
        switch (node)
        {
            case WordNode word:
                return CompileWord(word, map, warnings, matched);
            case PhraseNode phrase:
                return CompilePhrase(phrase.Text, Mask(phrase.Field), 1.0, warnings, matched);
            case OrNode or:
                var any = or.Children.Select(c => Compile(c, map, warnings, matched)).OfType<Clause>().ToList();
                return any.Count switch { 0 => null, 1 => any[0], _ => new AnyClause(any) };
            case AndNode and:
                var required = and.Children.Where(c => c is not NotNode).Select(c => Compile(c, map, warnings, matched)).OfType<Clause>().ToList();
                var excluded = and.Children.OfType<NotNode>().Select(n => Compile(n.Child, map, warnings, null)).OfType<Clause>().ToList();
                if (required.Count == 0)
                    return null;
                Clause positive = required.Count == 1 ? required[0] : new AllClause(required);
                return excluded.Count == 0 ? positive : new ExcludeClause(positive, excluded.Count == 1 ? excluded[0] : new AnyClause(excluded));
            case NotNode not:
                warnings.Add("An exclusion with nothing to exclude from was ignored.");
                _ = not;
                return null;
            default:
                return null;
        }
    }

    private Clause? CompileWord(WordNode word, SynonymMap map, List<string> warnings, Matched? matched)
    {
        var groups = QueryExpansion.Expand(analyzer, map, word.Text);
        if (groups.Count == 0)
        {
            warnings.Add($"'{word.Text}' has nothing searchable (punctuation or words too common to index); it was ignored.");
            return null;
        }
        int mask = Mask(word.Field);
        var clauses = new List<Clause>();
        foreach (var group in groups)
        {
            var alternatives = new List<Clause>();
            foreach (var alternative in group.Alternatives)
            {
                if (alternative.Terms.Count == 1)
                {
                    matched?.Highlight.Add(HighlightPhrase.Word(alternative.Terms[0]));
                    alternatives.Add(new TermClause(alternative.Terms[0], mask, alternative.Weight));
                }
                else
                {
                    // The synonym as written, not its terms run together: a stop word inside it (个 in 第十四个五年规划)
                    // leaves a gap in the positions, and the phrase must keep that gap to match the indexed text.
                    var phrase = PhraseOf(analyzer.Analyze(alternative.Text, AnalysisMode.Query), mask, alternative.Weight);
                    matched?.Highlight.Add(new HighlightPhrase(phrase.Terms, phrase.Offsets) { Text = alternative.Text });
                    alternatives.Add(phrase);
                }
            }
            if (matched is not null && group.Alternatives.Count > 1 && !matched.Expansions.Exists(e => e.Term == group.Alternatives[0].Text))
                matched.Expansions.Add(new Expansion(group.Alternatives[0].Text, [.. group.Alternatives.Skip(1).Select(a => a.Text)]));
            clauses.Add(alternatives.Count == 1 ? alternatives[0] : new AnyClause(alternatives));
        }
        return clauses.Count == 1 ? clauses[0] : new AllClause(clauses);
    }

    private Clause? CompilePhrase(string text, int mask, double weight, List<string> warnings, Matched? matched)
    {
        var tokens = analyzer.Analyze(text, AnalysisMode.Query);
        if (tokens.Count == 0)
        {
            warnings.Add($"\"{text}\" has nothing searchable; it was ignored.");
            return null;
        }
        if (tokens.Count == 1)
        {
            matched?.Highlight.Add(HighlightPhrase.Word(tokens[0].Text));
            return new TermClause(tokens[0].Text, mask, weight);
        }
        var phrase = PhraseOf(tokens, mask, weight);
        matched?.Highlight.Add(new HighlightPhrase(phrase.Terms, phrase.Offsets) { Text = text });
        return phrase;
    }

    private static PhraseClause PhraseOf(List<Token> tokens, int mask, double weight) =>
        new([.. tokens.Select(t => t.Text)], [.. tokens.Select(t => t.Position - tokens[0].Position)], mask, weight);

    /// <summary>All scoring fields, or a text field and its sub-word field.</summary>
    private static int Mask(IndexField? field) =>
        field is { } f ? (1 << (int)f) | (1 << ((int)f + Model.IndexFields.TextFieldCount)) : AllFields;
}
