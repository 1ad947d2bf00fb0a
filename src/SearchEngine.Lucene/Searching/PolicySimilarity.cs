using Lucene.Net.Search.Similarities;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// BM25 per field with the native engine's length normalisation: b = 0.5 for the body (a long section of a plan
/// treats its topic at length and should not be penalised fully), 0.75 for the title, heading and units; k1 = 1.2.
/// </summary>
internal sealed class PolicySimilarity : PerFieldSimilarityWrapper
{
    private static readonly BM25Similarity Body = new(1.2f, 0.5f);
    private static readonly BM25Similarity Other = new(1.2f, 0.75f);

    public static PolicySimilarity Instance { get; } = new();

    public override Similarity Get(string name) => name == "body" ? Body : Other;
}
