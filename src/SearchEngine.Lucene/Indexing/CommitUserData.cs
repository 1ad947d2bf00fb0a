using SearchEngine.Search;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// What every commit's user data records of how its index was built: the analyzer (terms of one analyzer are not
/// the terms another looks for, so an index opened with another is refused with a sentence instead of answering
/// nothing or wrongly) and the version of the stored document records (an index whose records predate plan targets
/// would show none; it is refused as an older format, which the server moves aside and rebuilds).
/// </summary>
internal static class CommitUserData
{
    public const string AnalyzerKey = "analyzer";

    public const string RecordsKey = "records";

    /// <summary>2: records carry the document's plan targets.</summary>
    public const string RecordsVersion = "2";

    public static Dictionary<string, string> For(string analyzer) =>
        new(StringComparer.Ordinal) { [AnalyzerKey] = analyzer, [RecordsKey] = RecordsVersion };

    /// <summary>
    /// Throws <see cref="IndexEngineException"/> when the commit's user data names another analyzer, and
    /// <see cref="IndexFormatException"/> when it holds records of an older version. A folder never committed has none
    /// of it and passes.
    /// </summary>
    public static void Require(IDictionary<string, string> userData, string folder, string analyzer)
    {
        if (userData.TryGetValue(AnalyzerKey, out var built) && built != analyzer)
        {
            throw new IndexEngineException(
                $"Index '{folder}' was built by the lucene engine with the {built} analyzer, and was opened with {analyzer}. " +
                $"Use --analyzer {built} (SearchEngine:Analyzer={built} for the server), or another index folder for the {analyzer} analyzer.");
        }
        if (userData.Count > 0 && (!userData.TryGetValue(RecordsKey, out var version) || version != RecordsVersion))
            throw new IndexFormatException($"Index '{folder}' holds document records of version {(version ?? "1")}; this build reads {RecordsVersion} (records with plan targets).");
    }
}
