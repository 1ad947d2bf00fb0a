using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Util;
using SearchEngine.Core.Analysis;
using SearchEngine.Search;

namespace SearchEngine.Lucene.Analysis;

/// <summary>The analyzers the Lucene.Net engine can index with, by the names the configuration uses.</summary>
public static class LuceneAnalyzers
{
    /// <summary>Our analyzer (<see cref="PolicyAnalyzer"/>), the default.</summary>
    public const string Policy = "policy";

    /// <summary>Lucene.Net's SmartChineseAnalyzer (HMM word segmentation, its own stop words), for comparison.</summary>
    public const string SmartCn = "smartcn";

    /// <summary>The index-time analyzer of that name; an unknown name is refused with a sentence.</summary>
    public static Analyzer Create(string name, AnalysisMode mode = AnalysisMode.Index) => name switch
    {
        Policy => new PolicyAnalyzer(mode),
        SmartCn => new SmartChineseAnalyzer(LuceneVersion.LUCENE_48),
        _ => throw new IndexEngineException($"Analyzer '{name}' is not one the Lucene.Net engine has: use {Policy} or {SmartCn}."),
    };
}
