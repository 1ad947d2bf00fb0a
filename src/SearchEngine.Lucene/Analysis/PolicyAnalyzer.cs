using Lucene.Net.Analysis;
using SearchEngine.Core.Analysis;

namespace SearchEngine.Lucene.Analysis;

/// <summary>
/// 政策分析器 — the product's one analysis chain (<see cref="ChineseAnalyzer"/>) as a Lucene.Net <see cref="Analyzer"/>,
/// for indexing (<see cref="AnalysisMode.Index"/>: words and their sub-words) or querying (<see cref="AnalysisMode.Query"/>:
/// words only). Usable by any Lucene.Net program; one instance serves every field and thread.
/// </summary>
public sealed class PolicyAnalyzer : Analyzer
{
    private readonly ChineseAnalyzer _analyzer;
    private readonly AnalysisMode _mode;

    public PolicyAnalyzer(AnalysisMode mode = AnalysisMode.Index) : this(ChineseAnalyzer.Default, mode)
    {
    }

    public PolicyAnalyzer(ChineseAnalyzer analyzer, AnalysisMode mode)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _mode = mode;
    }

    /// <summary>The chain this analyzer runs.</summary>
    public ChineseAnalyzer Chain => _analyzer;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new PolicyTokenizer(reader, _analyzer, _mode));

    // The analyzer counts positions in slots, so a value's last slot is its length: a second value of one field
    // starts after a gap of slots that a phrase with its slop of 1 cannot bridge.
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
