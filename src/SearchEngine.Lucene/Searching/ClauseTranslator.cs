using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Compiled clauses (<see cref="QueryCompiler"/>) as Lucene queries: a term is a term query in each field its mask
/// names, boosted as the native engine's fields are; a phrase is a PhraseQuery per field with the clause's slot
/// offsets as positions (the tokenizer makes Lucene positions slots) and its slop; all is MUST, any is SHOULD, an
/// exclusion MUST_NOT; a document's own number is a term of the untokenized number field.
/// </summary>
internal sealed class ClauseTranslator(IndexReader reader)
{
    /// <summary>True once a series clause was answered by its list (its documents, newest first) rather than as text.</summary>
    public bool ListsSeries { get; private set; }

    /// <summary>The query of a clause; one that matches nothing when the clause cannot match.</summary>
    public Query Translate(Clause clause)
    {
        switch (clause)
        {
            case TermClause t when DocumentNumberTerms.IsNumberTerm(t.Term):
                // The native engine indexes these in the title field; here they have a field of their own.
                return Boosted(new TermQuery(new Term(LuceneFields.Number, t.Term)), FieldBoosts.Of(IndexField.Title) * t.Weight);
            case TermClause t:
                return Either(FieldBoosts.Fields(t.FieldMask).Select(f =>
                    Boosted(new TermQuery(new Term(LuceneFields.TextOf(f), t.Term)), FieldBoosts.Of(f) * t.Weight)));
            case PhraseClause p:
                return Either(FieldBoosts.Fields(p.FieldMask).Select(f => Phrase(p, f)));
            case AllClause all:
                var must = new BooleanQuery();
                foreach (var child in all.Children)
                    must.Add(Translate(child), Occur.MUST);
                return must;
            case AnyClause any:
                return Either(any.Children.Select(Translate));
            case ExcludeClause ex:
                return new BooleanQuery
                {
                    { Translate(ex.Required), Occur.MUST },
                    { Translate(ex.Excluded), Occur.MUST_NOT },
                };
            case SeriesClause series:
                // Decided for the whole snapshot, as the native engine does, so one query never mixes a list and a ranking.
                var term = new Term(LuceneFields.Number, series.Term);
                if (reader.DocFreq(term) > 0)
                {
                    ListsSeries = true;
                    return new ConstantScoreQuery(new TermQuery(term));
                }
                return series.Text is null ? new BooleanQuery() : Translate(series.Text);
            case MatchAllClause:
                return AllSections();
            default:
                throw new InvalidOperationException($"Unknown clause {clause.GetType().Name}.");
        }
    }

    /// <summary>Every section (not the documents' own Lucene documents), scoring alike.</summary>
    public static Query AllSections() => new ConstantScoreQuery(new TermQuery(new Term(LuceneFields.Kind, LuceneFields.SectionKind)));

    private static PhraseQuery Phrase(PhraseClause p, IndexField field)
    {
        var phrase = new PhraseQuery { Slop = p.Slop, Boost = FieldBoosts.Of(field) * (float)p.Weight };
        for (int i = 0; i < p.Terms.Count; i++)
            phrase.Add(new Term(LuceneFields.TextOf(field), p.Terms[i]), p.Offsets[i]);
        return phrase;
    }

    private static Query Boosted(Query query, double boost)
    {
        query.Boost = (float)boost;
        return query;
    }

    private static Query Either(IEnumerable<Query> queries)
    {
        var list = queries.ToList();
        if (list.Count == 1)
            return list[0];
        var any = new BooleanQuery();
        foreach (var q in list)
            any.Add(q, Occur.SHOULD);
        return any;
    }
}
