using Lucene.Net.Analysis;
using SearchEngine.Core.Analysis;

namespace SearchEngine.Lucene.Analysis;

/// <summary>
/// 政策分析器 — the product's one analysis chain (<see cref="ChineseAnalyzer"/>) as a Lucene.Net <see cref="Analyzer"/>,
/// for indexing (<see cref="AnalysisMode.Index"/>: words and their sub-words) or querying (<see cref="AnalysisMode.Query"/>:
/// words only). Usable by any Lucene.Net program; one instance serves every field and thread. A field named with
/// <see cref="WordsSuffix"/> gets the whole words only and one named with <see cref="SubWordsSuffix"/> the sub-words
/// only (<see cref="TokenKindFilter"/>), for indexing them apart and scoring sub-words lower.
/// </summary>
public sealed class PolicyAnalyzer : Analyzer
{
    private readonly ChineseAnalyzer _analyzer;
    private readonly AnalysisMode _mode;

    public PolicyAnalyzer(AnalysisMode mode = AnalysisMode.Index) : this(ChineseAnalyzer.Default, mode)
    {
    }

    // Per field: a twin field's components hold a filter the text field's do not, so one field's may not serve another.
    public PolicyAnalyzer(ChineseAnalyzer analyzer, AnalysisMode mode) : base(PER_FIELD_REUSE_STRATEGY)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _mode = mode;
    }

    /// <summary>The chain this analyzer runs.</summary>
    public ChineseAnalyzer Chain => _analyzer;

    /// <summary>The suffix of a twin field that holds the whole words only.</summary>
    public const string WordsSuffix = ".words";

    /// <summary>The suffix of a twin field that holds the sub-words only.</summary>
    public const string SubWordsSuffix = ".subwords";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new PolicyTokenizer(reader, _analyzer, _mode);
        if (fieldName.EndsWith(WordsSuffix, StringComparison.Ordinal))
            return new TokenStreamComponents(tokenizer, new TokenKindFilter(tokenizer, subWords: false));
        if (fieldName.EndsWith(SubWordsSuffix, StringComparison.Ordinal))
            return new TokenStreamComponents(tokenizer, new TokenKindFilter(tokenizer, subWords: true));
        return new TokenStreamComponents(tokenizer);
    }

    // The analyzer counts positions in slots, so a value's last slot is its length: a second value of one field
    // starts after a gap of slots that a phrase with its slop of 1 cannot bridge.
    public override int GetPositionIncrementGap(string fieldName) => 100;
}
