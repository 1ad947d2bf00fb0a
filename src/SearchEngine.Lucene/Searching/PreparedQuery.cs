using Lucene.Net.Search;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// A query's words ready to run: the Lucene query (null when no word is searchable), what to mark in snippets, the
/// words synonyms expanded, the problems met, and whether the answer is a 发文字号 series listed newest first.
/// </summary>
internal sealed record PreparedQuery(Query? Query, HighlightTerms Highlight, IReadOnlyList<Expansion> Expansions, IReadOnlyList<string> Warnings, bool ListsSeries)
{
    /// <summary>The words a search may relax when nothing holds them all (none with SmartCn: relaxation is the policy analyzer's).</summary>
    public RelaxableWords Relaxable { get; init; } = RelaxableWords.None;
}
