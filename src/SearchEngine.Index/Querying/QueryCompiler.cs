using SearchEngine.Core.Analysis;
using SearchEngine.Index.Model;

namespace SearchEngine.Index.Querying;

/// <summary>
/// The middle layer between syntax and execution: runs each word and phrase through the same analyzer as the
/// index, expands words with synonyms (an abbreviation matches its long form as a phrase), and maps field
/// limits to scoring-field masks. Also collects the terms to highlight.
/// </summary>
internal sealed class QueryCompiler(ChineseAnalyzer analyzer, SynonymMap synonyms)
{
    private const int AllFields = (1 << Model.IndexFields.ScoringFieldCount) - 1;

    public sealed record Result(Clause? Clause, IReadOnlyList<string> Warnings, IReadOnlyList<IReadOnlyList<string>> HighlightTerms);

    public Result Compile(QueryNode? root)
    {
        var warnings = new List<string>();
        var highlight = new List<IReadOnlyList<string>>();
        var clause = root is null ? null : Compile(root, warnings, highlight);
        return new Result(clause, warnings, highlight);
    }

    private Clause? Compile(QueryNode node, List<string> warnings, List<IReadOnlyList<string>> highlight)
    {
        switch (node)
        {
            case WordNode word:
                return CompileWord(word, warnings, highlight);
            case PhraseNode phrase:
                return CompilePhrase(phrase.Text, Mask(phrase.Field), 1.0, warnings, highlight);
            case OrNode or:
                var any = or.Children.Select(c => Compile(c, warnings, highlight)).OfType<Clause>().ToList();
                return any.Count switch { 0 => null, 1 => any[0], _ => new AnyClause(any) };
            case AndNode and:
                var required = and.Children.Where(c => c is not NotNode).Select(c => Compile(c, warnings, highlight)).OfType<Clause>().ToList();
                var excluded = and.Children.OfType<NotNode>().Select(n => Compile(n.Child, warnings, [])).OfType<Clause>().ToList();
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

    private Clause? CompileWord(WordNode word, List<string> warnings, List<IReadOnlyList<string>> highlight)
    {
        var groups = QueryExpansion.Expand(analyzer, synonyms, word.Text);
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
                highlight.Add(alternative.Terms);
                if (alternative.Terms.Count == 1)
                    alternatives.Add(new TermClause(alternative.Terms[0], mask, alternative.Weight));
                else
                    alternatives.Add(PhraseOf(analyzer.Analyze(string.Concat(alternative.Terms), AnalysisMode.Query), mask, alternative.Weight));
            }
            clauses.Add(alternatives.Count == 1 ? alternatives[0] : new AnyClause(alternatives));
        }
        return clauses.Count == 1 ? clauses[0] : new AllClause(clauses);
    }

    private Clause? CompilePhrase(string text, int mask, double weight, List<string> warnings, List<IReadOnlyList<string>> highlight)
    {
        var tokens = analyzer.Analyze(text, AnalysisMode.Query);
        if (tokens.Count == 0)
        {
            warnings.Add($"\"{text}\" has nothing searchable; it was ignored.");
            return null;
        }
        highlight.Add([.. tokens.Select(t => t.Text)]);
        return tokens.Count == 1 ? new TermClause(tokens[0].Text, mask, weight) : PhraseOf(tokens, mask, weight);
    }

    private static PhraseClause PhraseOf(List<Token> tokens, int mask, double weight) =>
        new([.. tokens.Select(t => t.Text)], [.. tokens.Select(t => t.Position - tokens[0].Position)], mask, weight);

    /// <summary>All scoring fields, or a text field and its sub-word field.</summary>
    private static int Mask(IndexField? field) =>
        field is { } f ? (1 << (int)f) | (1 << ((int)f + Model.IndexFields.TextFieldCount)) : AllFields;
}
