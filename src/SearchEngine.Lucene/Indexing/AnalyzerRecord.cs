using SearchEngine.Search;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// The analyzer an index was built with, kept in every commit's user data: terms of one analyzer are not the terms
/// another looks for, so an index opened with another analyzer is refused with a sentence instead of answering
/// nothing (or wrongly).
/// </summary>
internal static class AnalyzerRecord
{
    public const string Key = "analyzer";

    public static Dictionary<string, string> For(string analyzer) => new(StringComparer.Ordinal) { [Key] = analyzer };

    /// <summary>Throws <see cref="IndexEngineException"/> when the commit's user data names another analyzer.</summary>
    public static void Require(IDictionary<string, string> userData, string folder, string analyzer)
    {
        if (userData.TryGetValue(Key, out var built) && built != analyzer)
        {
            throw new IndexEngineException(
                $"Index '{folder}' was built by the lucene engine with the {built} analyzer, and was opened with {analyzer}. " +
                $"Use --analyzer {built} (SearchEngine:Analyzer={built} for the server), or another index folder for the {analyzer} analyzer.");
        }
    }
}
