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
        // A query that is only a number's prefix (湘政办发) or prefix and year (湘政办发〔2021〕) lists that series.
        if (root is WordNode { Field: null } word && DocumentNumberTerms.Series(word.Text) is { } series)
            clause = new SeriesClause(series, clause);
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
        var text = clauses.Count == 1 ? clauses[0] : new AllClause(clauses);
        // A whole number also matches the document that carries it as its own (printed or only in the page's metadata),
        // weighted so that it ranks above the documents that merely cite it.
        return DocumentNumberTerms.Own(word.Text, analyzer) is { } own
            ? new AnyClause([text, new TermClause(own, mask, OwnNumberWeight)])
            : text;
    }

    /// <summary>
    /// The own-number term sits in the title field of the carrier's every section; three times a term's weight puts the
    /// carrier above a citer even when the citer repeats the number in its title and body.
    /// </summary>
    private const double OwnNumberWeight = 3.0;

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
