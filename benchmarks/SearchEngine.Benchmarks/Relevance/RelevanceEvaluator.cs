using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.Relevance;

/// <summary>
/// Runs every judged query through a search function (any engine's <c>IIndexSnapshot.Search</c>), sections ungrouped, ten hits, and scores the ranking by nDCG@10 with
/// gain 2^grade − 1 and a log2(rank + 1) discount; an unjudged hit counts as grade 0, and the ideal ranking is
/// the query's judgments sorted by grade.
/// </summary>
internal static class RelevanceEvaluator
{
    public const int Depth = 10;

    public static RelevanceReport Evaluate(Func<SearchRequest, SearchResult> search, JudgedSet set)
    {
        var results = new List<QueryScore>();
        foreach (var q in set.Queries)
        {
            var hits = search(new SearchRequest { Query = q.Query, GroupByDocument = false, Size = Depth, Facets = false, Highlight = false }).Hits;
            var grades = hits.Select(h => q.Grade(h.DocumentId, h.SectionId)).ToList();
            var ideal = q.Judgments.Select(j => j.Grade).Where(g => g > 0).OrderDescending().ToList();
            double idcg = Dcg(ideal);
            results.Add(new QueryScore(q, idcg == 0 ? 0 : Dcg(grades) / idcg, grades, hits.Select(h => (h.DocumentId, h.SectionId)).ToList(), ideal.Count));
        }
        return new RelevanceReport(results);
    }

    /// <summary>Discounted cumulative gain of the first <see cref="Depth"/> grades.</summary>
    public static double Dcg(IReadOnlyList<int> grades)
    {
        double dcg = 0;
        for (int i = 0; i < Math.Min(grades.Count, Depth); i++)
            dcg += (Math.Pow(2, grades[i]) - 1) / Math.Log2(i + 2);
        return dcg;
    }
}

/// <summary>A query's nDCG@10, the grades of its hits in rank order, the hits, and how many sections were judged relevant.</summary>
internal sealed record QueryScore(JudgedQuery Query, double Ndcg, IReadOnlyList<int> Grades, IReadOnlyList<(string Document, int Section)> Hits, int Relevant);

/// <summary>The scores of all queries; the mean counts only queries with at least one relevant judgment.</summary>
internal sealed record RelevanceReport(IReadOnlyList<QueryScore> Queries)
{
    public IEnumerable<QueryScore> Scored => Queries.Where(q => q.Relevant > 0);

    public double MeanNdcg => Scored.Select(q => q.Ndcg).DefaultIfEmpty(0).Average();

    /// <summary>Queries with relevant judged sections for which the engine returns nothing.</summary>
    public IEnumerable<QueryScore> Empty => Scored.Where(q => q.Hits.Count == 0);
}
