using SearchEngine.Benchmarks.Relevance;
using SearchEngine.Lucene;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Lucene;

/// <summary>The seeds and the real documents indexed by the Lucene.Net engine once for a test class.</summary>
public sealed class LuceneSeedsAndRealDocsIndex : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-test-").FullName;

    public LuceneSeedsAndRealDocsIndex()
    {
        using var writer = new LuceneEngine().OpenWriter(_folder);
        foreach (var d in SeedsAndRealDocs.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        Snapshot = writer.Commit();
    }

    public IIndexSnapshot Snapshot { get; }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// The judged query set on the Lucene.Net engine (policy analyzer): every query with relevant sections finds
/// something, and the mean nDCG@10 stays at what this engine reached. It is below the native engine's (0.8729,
/// JudgedSetTests) although the field boosts and the per-field b are the native ones: Lucene
/// scores each field with its own BM25 (its own idf and saturation) and sums them, where BM25F weighs the fields'
/// frequencies into one and saturates once, so a term repeated across title, heading and body counts more here.
/// Measured: 0.8311 with one BM25 for every field, 0.8449 with the body's b at 0.5; scoring words and sub-words in
/// twin fields (sub-words at 0.35, as the native engine weighs them) lowered it to 0.8321, since each twin has its own
/// idf and saturation here, so the engine indexes both kinds in one field.
/// </summary>
public sealed class LuceneRelevanceTests(LuceneSeedsAndRealDocsIndex index) : IClassFixture<LuceneSeedsAndRealDocsIndex>
{
    /// <summary>The mean nDCG@10 this engine reached on the judged set.</summary>
    private const double Reached = 0.8449;

    private const double Margin = 0.01;

    private static readonly Lazy<JudgedSet> Set = new(() => JudgedSet.Load(JudgedSet.DefaultPath(Seeds.RepositoryRoot)));

    private (double Mean, List<string> Empty) Evaluate()
    {
        var scores = new List<double>();
        var empty = new List<string>();
        foreach (var q in Set.Value.Queries)
        {
            var hits = index.Snapshot.Search(new SearchRequest
            {
                Query = q.Query, GroupByDocument = false, Size = RelevanceEvaluator.Depth, Facets = false, Highlight = false,
            }).Hits;
            var ideal = q.Judgments.Select(j => j.Grade).Where(g => g > 0).OrderDescending().ToList();
            if (ideal.Count == 0)
                continue;
            if (hits.Count == 0)
                empty.Add($"{q.Id} {q.Query}");
            scores.Add(RelevanceEvaluator.Dcg([.. hits.Select(h => q.Grade(h.DocumentId, h.SectionId))]) / RelevanceEvaluator.Dcg(ideal));
        }
        return (scores.Average(), empty);
    }

    [Fact]
    public void Should_find_a_hit_for_every_query_with_relevant_sections()
    {
        var (_, empty) = Evaluate();
        Assert.True(empty.Count == 0, "No hits for: " + string.Join(", ", empty));
    }

    [Fact]
    public void Should_keep_the_mean_ndcg_at_10_it_reached()
    {
        var (mean, _) = Evaluate();
        Assert.True(mean >= Reached - Margin, $"Mean nDCG@10 {mean:F4} is below {Reached} − {Margin}.");
    }
}
