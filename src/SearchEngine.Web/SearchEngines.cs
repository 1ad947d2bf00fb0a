using SearchEngine.Index;
using SearchEngine.Lucene;
using SearchEngine.Search;

namespace SearchEngine.Web;

/// <summary>The engines this server can run, by the names the configuration uses (<c>SearchEngine:Engine</c>, <c>SearchEngine:Analyzer</c>).</summary>
internal static class SearchEngines
{
    public static ISearchEngine Create(string engine, string analyzer) => (engine, analyzer) switch
    {
        (NativeEngine.EngineName, "policy") => NativeEngine.Instance,
        (LuceneEngine.EngineName, _) => new LuceneEngine(analyzer),
        (NativeEngine.EngineName, _) => throw new IndexEngineException($"SearchEngine:Analyzer '{analyzer}' needs SearchEngine:Engine=lucene; the native engine has only the policy analyzer."),
        _ => throw new IndexEngineException($"SearchEngine:Engine '{engine}' is not an engine: use native or lucene."),
    };
}
