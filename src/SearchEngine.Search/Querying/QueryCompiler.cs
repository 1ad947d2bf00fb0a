using SearchEngine.Core.Analysis;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;

namespace SearchEngine.Search.Querying;

/// <summary>
/// The middle layer between syntax and execution: runs each word and phrase through the same analyzer as the
/// index, matches a run of Chinese typed as one word as a unit (its pieces adjacent, a slot of play for a
/// particle), expands words with synonyms (an abbreviation matches its long form as a phrase) unless expansion is
/// off, and maps field limits to scoring-field masks. Also collects what the query matches, for highlighting
/// (a phrase or a run as a phrase), which words synonyms expanded, so a reader can see it, and the required words
/// one by one, so a search that finds no section holding all of them can relax.
/// </summary>
internal sealed class QueryCompiler(ChineseAnalyzer analyzer, SynonymMap synonyms)
{
    private const int AllFields = (1 << IndexFields.ScoringFieldCount) - 1;

    /// <param name="Clause">What to run.</param>
    /// <param name="Warnings">Words ignored and why.</param>
    /// <param name="Highlight">Terms, and phrases of terms, to mark.</param>
    /// <param name="Expansions">The words synonyms expanded, and into what.</param>
    public sealed record Result(Clause? Clause, IReadOnlyList<string> Warnings, HighlightTerms Highlight, IReadOnlyList<Expansion> Expansions)
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
        var map = expand ? synonyms : SynonymMap.Empty;
        if (root is AndNode and)
        {
            // Compiled child by child so that each required word keeps its own clause, for relaxation.
            var (conjuncts, excluded) = CompileAnd(and, map, warnings, matched);
            return new Result(Combine(conjuncts, excluded), warnings, new HighlightTerms(matched.Highlight), matched.Expansions)
            {
                Conjuncts = conjuncts,
                Excluded = conjuncts.Count == 0 ? null : excluded,
            };
        }
        var clause = root is null ? null : Compile(root, map, warnings, matched);
        // A query that is only a number's prefix (湘政办发) or prefix and year (湘政办发〔2021〕) lists that series.
        if (root is WordNode { Field: null } word && DocumentNumberTerms.Series(word.Text) is { } series)
            clause = new SeriesClause(series, clause);
        return new Result(clause, warnings, new HighlightTerms(matched.Highlight), matched.Expansions)
        {
            Conjuncts = clause is null || root is OrNode or NotNode ? [] : [new Conjunct(Label(root!), clause)],
        };
    }

    /// <summary>
    /// The required children of an AND, each with its label and clause, and its excluded ones as one clause (or
    /// null); the excluded part collects nothing to highlight.
    /// </summary>
    private (List<Conjunct> Conjuncts, Clause? Excluded) CompileAnd(AndNode and, SynonymMap map, List<string> warnings, Matched? matched)
    {
        var conjuncts = new List<Conjunct>();
        foreach (var child in and.Children.Where(c => c is not NotNode))
        {
            if (Compile(child, map, warnings, matched) is { } c)
                conjuncts.Add(new Conjunct(Label(child), c));
        }
        var excluded = and.Children.OfType<NotNode>().Select(n => Compile(n.Child, map, warnings, null)).OfType<Clause>().ToList();
        return (conjuncts, excluded.Count switch { 0 => null, 1 => excluded[0], _ => new AnyClause(excluded) });
    }

    /// <summary>All the conjuncts, less the excluded clause; null when nothing is required.</summary>
    private static Clause? Combine(List<Conjunct> conjuncts, Clause? excluded)
    {
        if (conjuncts.Count == 0)
            return null;
        Clause positive = conjuncts.Count == 1 ? conjuncts[0].Clause : new AllClause([.. conjuncts.Select(c => c.Clause)]);
        return excluded is null ? positive : new ExcludeClause(positive, excluded);
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
                var (conjuncts, excluded) = CompileAnd(and, map, warnings, matched);
                return Combine(conjuncts, excluded);
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
        foreach (var run in Runs(word.Text, groups))
        {
            foreach (var group in run)
            {
                if (matched is not null && group.Alternatives.Count > 1 && !matched.Expansions.Exists(e => e.Term == group.Alternatives[0].Text))
                    matched.Expansions.Add(new Expansion(group.Alternatives[0].Text, [.. group.Alternatives.Skip(1).Select(a => a.Text)]));
            }
            clauses.Add(run.Count == 1 ? Alternatives(run[0], mask, matched) : RunOf(word.Text, run, mask, matched));
        }
        var text = clauses.Count == 1 ? clauses[0] : new AllClause(clauses);
        // A whole number also matches the document that carries it as its own (printed or only in the page's metadata),
        // weighted so that it ranks above the documents that merely cite it.
        return DocumentNumberTerms.Own(word.Text, analyzer) is { } own
            ? new AnyClause([text, new TermClause(own, mask, OwnNumberWeight)])
            : text;
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
    private Clause Alternatives(TermGroup group, int mask, Matched? matched)
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
        return alternatives.Count == 1 ? alternatives[0] : new AnyClause(alternatives);
    }

    /// <summary>
    /// A run of several pieces: a sloppy phrase of them, or of them with one piece replaced by a synonym; each is
    /// highlighted as the phrase it is (a lone 金融 elsewhere is not what 绿色金融 matched).
    /// </summary>
    private Clause RunOf(string text, List<TermGroup> run, int mask, Matched? matched)
    {
        var variants = new List<PhraseClause> { SloppyPhrase(run, -1, null, mask, 1.0) };
        for (int k = 0; k < run.Count && variants.Count < MaxRunVariants; k++)
        {
            foreach (var alternative in run[k].Alternatives.Skip(1))
            {
                if (variants.Count == MaxRunVariants)
                    break;
                variants.Add(SloppyPhrase(run, k, alternative, mask, alternative.Weight));
            }
        }
        if (matched is not null)
        {
            // The run as typed guides the snippet to where it stands whole.
            string typed = text[run[0].Token.Start..Math.Min(text.Length, run[^1].Token.End)];
            matched.Highlight.Add(new HighlightPhrase(variants[0].Terms, variants[0].Offsets) { Text = typed });
            foreach (var v in variants.Skip(1))
                matched.Highlight.Add(new HighlightPhrase(v.Terms, v.Offsets));
        }
        return variants.Count == 1 ? variants[0] : new AnyClause([.. variants]);
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
            var tokens = analyzer.Analyze(alternative!.Text, AnalysisMode.Query);
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

    /// <summary>
    /// The own-number term sits in the title field of the carrier's every section; three times a term's weight puts the
    /// carrier above a citer even when the citer repeats the number in its title and body.
    /// </summary>
    private const double OwnNumberWeight = 3.0;

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
        field is { } f ? (1 << (int)f) | (1 << ((int)f + IndexFields.TextFieldCount)) : AllFields;
}
