using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Core.Analysis;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// For an index built with SmartChineseAnalyzer: the same query language (words, "phrases", OR, -exclusions, field
/// limits), each word analysed by SmartCn instead of our analyzer. A word of several SmartCn terms must hold them
/// in order with a position of play (as our runs do); a quoted phrase holds them adjacent. No synonyms and no
/// document numbers: those belong to our analyzer's vocabulary. Snippets and the document view mark the query's
/// words as our analyzer reads them (no synonyms): the highlighter marks tokens of our analyzer, and SmartCn's terms
/// (氢 and 能 for 氢能) are often not among them, so marking SmartCn's own terms would mark nothing or single characters.
/// </summary>
internal sealed class SmartCnQueryPlanner : IQueryPlanner
{
    public static SmartCnQueryPlanner Instance { get; } = new();

    private readonly Analyzer _analyzer = LuceneAnalyzers.Create(LuceneAnalyzers.SmartCn);
    private readonly QueryCompiler _highlight = new(ChineseAnalyzer.Default, SynonymMap.Empty);

    public PreparedQuery Prepare(QueryNode? root, bool expand, IndexReader reader)
    {
        var warnings = new List<string>();
        var query = root is null ? null : Translate(root, warnings);
        return new PreparedQuery(query, _highlight.Compile(root, expand: false).Highlight, [], warnings, false);
    }

    private BooleanQuery? Translate(QueryNode node, List<string> warnings)
    {
        switch (node)
        {
            case WordNode w:
                return Text(w.Text, w.Field, 1, warnings);
            case PhraseNode p:
                return Text(p.Text, p.Field, 0, warnings);
            case OrNode or:
                var any = new BooleanQuery();
                foreach (var q in or.Children.Select(c => Translate(c, warnings)).OfType<Query>())
                    any.Add(q, Occur.SHOULD);
                return any.Clauses.Count == 0 ? null : any;
            case AndNode and:
                var all = new BooleanQuery();
                foreach (var child in and.Children)
                {
                    bool excluded = child is NotNode;
                    var q = excluded ? Translate(((NotNode)child).Child, warnings) : Translate(child, warnings);
                    if (q is not null)
                        all.Add(q, excluded ? Occur.MUST_NOT : Occur.MUST);
                }
                return all.Clauses.Any(c => c.Occur == Occur.MUST) ? all : null;
            case NotNode:
                warnings.Add("An exclusion with nothing to exclude from was ignored.");
                return null;
            default:
                return null;
        }
    }

    private BooleanQuery? Text(string text, IndexField? field, int slop, List<string> warnings)
    {
        var terms = Terms(text);
        if (terms.Count == 0)
        {
            warnings.Add($"'{text}' has nothing searchable (punctuation or words too common to index); it was ignored.");
            return null;
        }
        var fields = field is { } f ? [f] : Enum.GetValues<IndexField>();
        var any = new BooleanQuery();
        foreach (var f2 in fields)
        {
            string name = LuceneFields.TextOf(f2);
            Query q;
            if (terms.Count == 1)
                q = new TermQuery(new Term(name, terms[0].Term));
            else
            {
                var phrase = new PhraseQuery { Slop = slop };
                foreach (var (term, position) in terms)
                    phrase.Add(new Term(name, term), position - terms[0].Position);
                q = phrase;
            }
            q.Boost = FieldBoosts.Of(f2);
            any.Add(q, Occur.SHOULD);
        }
        return any;
    }

    /// <summary>SmartCn's terms of a text with their positions.</summary>
    private List<(string Term, int Position)> Terms(string text)
    {
        var terms = new List<(string, int)>();
        using var stream = _analyzer.GetTokenStream(LuceneFields.TextOf(IndexField.Body), text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }
        stream.End();
        return terms;
    }
}
