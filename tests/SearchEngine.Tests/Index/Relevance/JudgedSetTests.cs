using SearchEngine.Benchmarks.Relevance;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index.Relevance;

/// <summary>
/// The judged query set (benchmarks/relevance/queries.json) on the seeds and the real documents: every query
/// with relevant sections finds something, and the mean nDCG@10 does not fall below what the ranking reached
/// (benchmarks/results/relevance/final.md), so a ranking regression fails here.
/// </summary>
public sealed class JudgedSetTests(SeedsAndRealDocsIndex index) : IClassFixture<SeedsAndRealDocsIndex>
{
    /// <summary>The mean nDCG@10 reached (benchmarks/results/relevance/final.md).</summary>
    private const double Reached = 0.8729;

    /// <summary>Room for small changes elsewhere (a segmentation fix, a new real document) before this fails.</summary>
    private const double Margin = 0.01;

    private static readonly Lazy<JudgedSet> Set = new(() => JudgedSet.Load(JudgedSet.DefaultPath(Seeds.RepositoryRoot)));

    [Fact]
    public void Should_hold_at_least_40_queries_each_with_relevant_sections()
    {
        Assert.True(Set.Value.Queries.Count >= 40, $"{Set.Value.Queries.Count} queries");
        Assert.All(Set.Value.Queries, q => Assert.Contains(q.Judgments, j => j.Grade > 0));
        Assert.All(Set.Value.Queries.SelectMany(q => q.Judgments), j => Assert.InRange(j.Grade, 0, 3));
    }

    [Fact]
    public void Should_find_a_hit_for_every_query_with_relevant_sections()
    {
        var report = RelevanceEvaluator.Evaluate(index.Searcher.Search, Set.Value);

        var empty = report.Empty.Select(q => $"{q.Query.Id} {q.Query.Query}").ToList();

        Assert.True(empty.Count == 0, "No hits for: " + string.Join(", ", empty));
    }

    [Fact]
    public void Should_keep_the_mean_ndcg_at_10_it_reached()
    {
        var report = RelevanceEvaluator.Evaluate(index.Searcher.Search, Set.Value);

        Assert.True(report.MeanNdcg >= Reached - Margin,
            $"Mean nDCG@10 {report.MeanNdcg:F4} is below {Reached} − {Margin}. Run 'dotnet run --project benchmarks/SearchEngine.Benchmarks -- relevance' "
            + "and compare with benchmarks/results/relevance/final.md to see which queries fell.");
    }

    [Fact]
    public void Should_score_a_perfect_ranking_1_and_an_empty_one_0()
    {
        Assert.Equal(1.0, RelevanceEvaluator.Dcg([3, 2, 1]) / RelevanceEvaluator.Dcg([3, 2, 1]), 6);
        Assert.True(RelevanceEvaluator.Dcg([1, 2, 3]) < RelevanceEvaluator.Dcg([3, 2, 1]));
        Assert.Equal(0, RelevanceEvaluator.Dcg([]));
        Assert.Equal(7 + (3 / Math.Log2(3)), RelevanceEvaluator.Dcg([3, 2]), 9);
    }
}
