using Lucene.Net.Index;
using SearchEngine.Core.Analysis;
using SearchEngine.Search.Querying;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// For an index built with our analyzer: the query compiled exactly as the native engine compiles it (runs as sloppy
/// phrases, synonyms, document numbers, highlight terms), then translated clause by clause.
/// </summary>
internal sealed class PolicyQueryPlanner : IQueryPlanner
{
    public static PolicyQueryPlanner Instance { get; } = new();

    private readonly QueryCompiler _compiler = new(ChineseAnalyzer.Default, SynonymMap.Default);

    public PreparedQuery Prepare(QueryNode? root, bool expand, IndexReader reader)
    {
        var compiled = _compiler.Compile(root, expand);
        var translator = new ClauseTranslator(reader);
        var query = compiled.Clause is null ? null : translator.Translate(compiled.Clause);
        return new PreparedQuery(query, compiled.Highlight, compiled.Expansions, compiled.Warnings, translator.ListsSeries);
    }
}
