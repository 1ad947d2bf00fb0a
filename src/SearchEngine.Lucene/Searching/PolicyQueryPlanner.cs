using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchEngine.Lucene.Indexing;
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
        var words = compiled.Conjuncts.Select(c => new RelaxableWords.Word(c.Label, translator.Translate(c.Clause), Weight(c.Clause, reader))).ToList();
        var excluded = compiled.Excluded is null ? null : translator.Translate(compiled.Excluded);
        return new PreparedQuery(query, compiled.Highlight, compiled.Expansions, compiled.Warnings, translator.ListsSeries)
        {
            Relaxable = new RelaxableWords(words, excluded),
        };
    }

    /// <summary>A word's weight as the native engine weighs it: its idf (a phrase's summed over its terms; alternatives, the heaviest).</summary>
    private static double Weight(Clause clause, IndexReader reader) => clause switch
    {
        TermClause t => Idf(t.Term, reader),
        PhraseClause p => p.Terms.Sum(t => Idf(t, reader)),
        AnyClause any => any.Children.Max(c => Weight(c, reader)),
        AllClause all => all.Children.Sum(c => Weight(c, reader)),
        ExcludeClause ex => Weight(ex.Required, reader),
        _ => 0,
    };

    /// <summary>Robertson–Spärck Jones idf over sections: those holding the term in any text field, of all sections.</summary>
    private static double Idf(string term, IndexReader reader)
    {
        var any = new BooleanQuery();
        foreach (string field in LuceneFields.Text)
            any.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        var searcher = new IndexSearcher(reader);
        long df = searcher.Search(any, 1).TotalHits;
        long n = Math.Max(1, searcher.Search(ClauseTranslator.AllSections(), 1).TotalHits);
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }
}
