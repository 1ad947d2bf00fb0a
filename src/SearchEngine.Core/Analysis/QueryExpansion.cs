namespace SearchEngine.Core.Analysis;

/// <summary>
/// Applies synonyms at query time: a query's terms become groups, each term's group holding the term itself
/// and its synonyms (a synonym of several words is a phrase of its terms). The engine matches every group
/// (AND) and any alternative within one (OR), scaling a related term's score by its weight.
/// </summary>
public static class QueryExpansion
{
    /// <summary>The expanded query: one group per query term, in order.</summary>
    public static List<TermGroup> Expand(ChineseAnalyzer analyzer, SynonymMap synonyms, string text)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(synonyms);
        var groups = new List<TermGroup>();
        foreach (var token in analyzer.Analyze(text, AnalysisMode.Query))
        {
            var alternatives = new List<TermAlternative> { new([token.Text], 1.0) { Text = text[token.Start..token.End] } };
            foreach (var synonym in synonyms.Lookup(token.Text))
            {
                var terms = analyzer.Terms(synonym.Term);
                if (terms.Count > 0 && !alternatives.Exists(a => a.Terms.SequenceEqual(terms)))
                    alternatives.Add(new TermAlternative(terms, synonym.Weight) { Text = synonym.Term });
            }
            groups.Add(new TermGroup(token, alternatives));
        }
        return groups;
    }
}

/// <summary>A query term and what may stand in its place.</summary>
/// <param name="Token">The term as the query analysed it.</param>
/// <param name="Alternatives">The term itself first (weight 1), then its synonyms.</param>
public sealed record TermGroup(Token Token, IReadOnlyList<TermAlternative> Alternatives);

/// <summary>One way to match a query term: a single term, or a phrase of terms for a multi-word synonym.</summary>
public sealed record TermAlternative(IReadOnlyList<string> Terms, double Weight)
{
    /// <summary>How a reader would write it: the query's own text for the term, the synonym list's for a synonym.</summary>
    public string Text { get; init; } = string.Concat(Terms);
}
