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

    /// <param name="Clause">What to run.</param>
    /// <param name="Warnings">Words ignored and why.</param>
    /// <param name="HighlightTerms">Terms (and phrases of terms) to mark in snippets.</param>
    public sealed record Result(Clause? Clause, IReadOnlyList<string> Warnings, IReadOnlyList<IReadOnlyList<string>> HighlightTerms)
    {
        /// <summary>
        /// The query's required words, each as typed with its clause, when the query is words that must all match
        /// (the clause is their AND, less <see cref="Excluded"/>): what a search may relax when no section holds
        /// them all. Empty for any other shape.
        /// </summary>
        public IReadOnlyList<Conjunct> Conjuncts { get; init; } = [];

        /// <summary>The excluded words of such a query, or null.</summary>
        public Clause? Excluded { get; init; }
    }

    /// <summary>A required word of the query: its text as typed and its compiled clause.</summary>
    public sealed record Conjunct(string Label, Clause Clause);

    public Result Compile(QueryNode? root)
    {
        var warnings = new List<string>();
        var highlight = new List<IReadOnlyList<string>>();
        if (root is AndNode and)
        {
            // Compiled child by child so that each required word keeps its own clause, for relaxation.
            var conjuncts = new List<Conjunct>();
            foreach (var child in and.Children.Where(c => c is not NotNode))
            {
                if (Compile(child, warnings, highlight) is { } c)
                    conjuncts.Add(new Conjunct(Label(child), c));
            }
            var excludedClauses = and.Children.OfType<NotNode>().Select(n => Compile(n.Child, warnings, [])).OfType<Clause>().ToList();
            if (conjuncts.Count == 0)
                return new Result(null, warnings, highlight);
            Clause positive = conjuncts.Count == 1 ? conjuncts[0].Clause : new AllClause([.. conjuncts.Select(c => c.Clause)]);
            Clause? excluded = excludedClauses.Count switch { 0 => null, 1 => excludedClauses[0], _ => new AnyClause(excludedClauses) };
            return new Result(excluded is null ? positive : new ExcludeClause(positive, excluded), warnings, highlight)
            {
                Conjuncts = conjuncts,
                Excluded = excluded,
            };
        }
        var clause = root is null ? null : Compile(root, warnings, highlight);
        return new Result(clause, warnings, highlight)
        {
            Conjuncts = clause is null || root is OrNode or NotNode ? [] : [new Conjunct(Label(root!), clause)],
        };
    }

    /// <summary>A query node as the user would write it, for notices.</summary>
    private static string Label(QueryNode node) => node switch
    {
        WordNode w => w.Field is { } f ? $"{FieldName(f)}:{w.Text}" : w.Text,
        PhraseNode p => p.Field is { } f ? $"{FieldName(f)}:\"{p.Text}\"" : $"\"{p.Text}\"",
        OrNode or => "(" + string.Join(" OR ", or.Children.Select(Label)) + ")",
        AndNode and => "(" + string.Join(" ", and.Children.Select(Label)) + ")",
        NotNode not => "-" + Label(not.Child),
        _ => node.ToString() ?? "",
    };

    private static string FieldName(IndexField field) => field.ToString().ToLowerInvariant();

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

    /// <summary>
    /// A word as typed: each run of it without spaces or punctuation is one unit, its pieces matched as a phrase
    /// (绿色金融 is 绿色 then 金融, not both anywhere in the section) with <see cref="RunSlop"/> slots of play for a
    /// particle; a piece's synonyms stand in its place, one at a time. Runs split by punctuation are ANDed.
    /// </summary>
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
        foreach (var run in Runs(word.Text, groups))
        {
            foreach (var group in run)
            {
                foreach (var alternative in group.Alternatives)
                    highlight.Add(alternative.Terms);
            }
            if (run.Count > 1)
                highlight.Add([string.Concat(run.Select(g => g.Token.Text))]); // so a snippet prefers where the run stands whole
            clauses.Add(run.Count == 1 ? Alternatives(run[0], mask) : RunOf(run, mask));
        }
        return clauses.Count == 1 ? clauses[0] : new AllClause(clauses);
    }

    /// <summary>Extra slots a run typed as one word may open between its pieces in all (a particle such as 的).</summary>
    internal const int RunSlop = 1;

    /// <summary>Most phrases one run expands to (its own pieces, then one synonym substituted at a time).</summary>
    private const int MaxRunVariants = 8;

    /// <summary>Consecutive groups not separated by anything but letters (a stop word such as 的): one run each.</summary>
    private static List<List<TermGroup>> Runs(string text, List<TermGroup> groups)
    {
        var runs = new List<List<TermGroup>> { new() { groups[0] } };
        for (int k = 1; k < groups.Count; k++)
        {
            int from = Math.Min(groups[k - 1].Token.End, text.Length), to = Math.Min(Math.Max(groups[k].Token.Start, from), text.Length);
            bool joined = true;
            for (int i = from; i < to && joined; i++)
                joined = char.IsLetterOrDigit(text[i]);
            if (joined)
                runs[^1].Add(groups[k]);
            else
                runs.Add([groups[k]]);
        }
        return runs;
    }

    /// <summary>One piece: the term itself, or any of its synonyms (a synonym of several words as a phrase).</summary>
    private Clause Alternatives(TermGroup group, int mask)
    {
        var alternatives = new List<Clause>();
        foreach (var alternative in group.Alternatives)
        {
            if (alternative.Terms.Count == 1)
                alternatives.Add(new TermClause(alternative.Terms[0], mask, alternative.Weight));
            else
                alternatives.Add(PhraseOf(analyzer.Analyze(string.Concat(alternative.Terms), AnalysisMode.Query), mask, alternative.Weight));
        }
        return alternatives.Count == 1 ? alternatives[0] : new AnyClause(alternatives);
    }

    /// <summary>A run of several pieces: a sloppy phrase of them, or of them with one piece replaced by a synonym.</summary>
    private Clause RunOf(List<TermGroup> run, int mask)
    {
        var variants = new List<Clause> { SloppyPhrase(run, -1, null, mask, 1.0) };
        for (int k = 0; k < run.Count && variants.Count < MaxRunVariants; k++)
        {
            foreach (var alternative in run[k].Alternatives.Skip(1))
            {
                if (variants.Count == MaxRunVariants)
                    break;
                variants.Add(SloppyPhrase(run, k, alternative, mask, alternative.Weight));
            }
        }
        return variants.Count == 1 ? variants[0] : new AnyClause(variants);
    }

    private PhraseClause SloppyPhrase(List<TermGroup> run, int replaced, TermAlternative? alternative, int mask, double weight)
    {
        var terms = new List<string>();
        var offsets = new List<int>();
        int first = run[0].Token.Position, shift = 0;
        for (int k = 0; k < run.Count; k++)
        {
            var token = run[k].Token;
            int at = token.Position - first + shift;
            if (k != replaced)
            {
                terms.Add(token.Text);
                offsets.Add(at);
                continue;
            }
            // The synonym's own tokens, on its own slots, in place of the piece; the pieces after it move along.
            var tokens = analyzer.Analyze(string.Concat(alternative!.Terms), AnalysisMode.Query);
            foreach (var t in tokens)
            {
                terms.Add(t.Text);
                offsets.Add(at + t.Position - tokens[0].Position);
            }
            int width = tokens.Count == 0 ? 0 : tokens[^1].PositionEnd - tokens[0].Position;
            shift += width - (token.PositionEnd - token.Position);
        }
        return new PhraseClause(terms, offsets, mask, weight, RunSlop);
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
