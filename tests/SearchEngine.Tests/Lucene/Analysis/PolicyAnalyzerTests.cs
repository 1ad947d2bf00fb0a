using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using SearchEngine.Core.Analysis;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Search;
using SearchEngine.Tests.Support;
using Token = SearchEngine.Core.Analysis.Token;

namespace SearchEngine.Tests.Lucene.Analysis;

/// <summary>Our analyzer inside Lucene.Net gives the tokens ChineseAnalyzer gives, with the TokenStream contract kept.</summary>
public sealed class PolicyAnalyzerTests
{
    private sealed record LuceneToken(string Text, int Start, int End, int Position, int PositionLength, string Type);

    private static List<LuceneToken> Tokens(Analyzer analyzer, string text, string field = "body")
    {
        var tokens = new List<LuceneToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var length = stream.AddAttribute<IPositionLengthAttribute>();
        var type = stream.AddAttribute<ITypeAttribute>();
        stream.Reset();
        int position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new LuceneToken(term.ToString(), offset.StartOffset, offset.EndOffset, position, length.PositionLength, type.Type));
        }
        stream.End();
        Assert.Equal(text.Length, offset.EndOffset);
        return tokens;
    }

    private static List<Token> Expected(string text, AnalysisMode mode) =>
        [.. ChineseAnalyzer.Default.Analyze(text, mode).OrderBy(t => t.Position).ThenBy(t => t.Start).ThenBy(t => t.End)];

    [Theory]
    [InlineData(AnalysisMode.Index)]
    [InlineData(AnalysisMode.Query)]
    public void Should_emit_the_chinese_analyzers_tokens_on_seed_text(AnalysisMode mode)
    {
        // Given the analyzer in one mode and the first seed's sections
        var analyzer = new PolicyAnalyzer(mode);
        foreach (var section in Seeds.Report.Documents[0].Sections.Take(40))
        {
            string text = Seeds.Report.Documents[0].BodyOf(section);

            // When Lucene runs it, then its tokens are ChineseAnalyzer's: text, offsets, slots as positions, kinds
            var expected = Expected(text, mode);
            var actual = Tokens(analyzer, text);
            Assert.Equal(expected.Select(t => (t.Text, t.Start, t.End, t.Position, Math.Max(1, t.PositionEnd - t.Position), t.Kind.ToString())),
                actual.Select(t => (t.Text, t.Start, t.End, t.Position, t.PositionLength, t.Type)));
        }
    }

    private const string Alphabet = "氢能产业發展數據中心北斗导航人工智能集成电路ＡＢＣａｂｃ０１２３ 　ABC abc 2025年5G，。、（）〔〕";

    [Fact]
    public void Should_give_offsets_that_slice_the_source_to_the_token_on_generated_text()
    {
        var random = new Random(20260);
        var analyzer = new PolicyAnalyzer(AnalysisMode.Index);
        for (int n = 0; n < 300; n++)
        {
            string text = new([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            var tokens = Tokens(analyzer, text);
            int last = -1;
            foreach (var t in tokens)
            {
                // Positions never go back, and the offsets are in bounds and slice the token's text (after folding).
                Assert.True(t.Position >= last, $"'{text}': {t.Text} at {t.Position} after {last}");
                last = t.Position;
                Assert.InRange(t.Start, 0, t.End);
                Assert.InRange(t.End, t.Start, text.Length);
                string slice = ChineseAnalyzer.Normalize(text[t.Start..t.End]).Replace(" ", "", StringComparison.Ordinal);
                Assert.True(slice == t.Text, $"'{text}': token {t.Text} slices '{slice}'");
            }
        }
    }

    [Fact]
    public void Should_serve_several_fields_in_turn()
    {
        // Given one analyzer reused for several fields and texts (Lucene reuses its token streams)
        var analyzer = new PolicyAnalyzer(AnalysisMode.Index);
        foreach (var (field, text) in new[] { ("title", "湖南省氢能产业发展规划"), ("body", "加快北斗导航应用"), ("title", "人工智能"), ("units", "省发展改革委、省工业和信息化厅") })
            Assert.Equal(Expected(text, AnalysisMode.Index).Select(t => t.Text), Tokens(analyzer, text, field).Select(t => t.Text));
    }

    [Fact]
    public void Should_route_words_and_sub_words_to_their_twin_fields_on_their_slots()
    {
        // Given a text whose long words have sub-words, analysed for the field and for its two twins
        var analyzer = new PolicyAnalyzer(AnalysisMode.Index);
        const string text = "中国农业发展银行支持战略性新兴产业";
        var all = Tokens(analyzer, text, "body");
        var words = Tokens(analyzer, text, "body" + PolicyAnalyzer.WordsSuffix);
        var subWords = Tokens(analyzer, text, "body" + PolicyAnalyzer.SubWordsSuffix);

        // Then each twin holds one kind, on the same slots, and together they are the field's tokens
        Assert.NotEmpty(subWords);
        Assert.All(words, t => Assert.NotEqual(nameof(TokenKind.SubWord), t.Type));
        Assert.All(subWords, t => Assert.Equal(nameof(TokenKind.SubWord), t.Type));
        Assert.Equal(all.OrderBy(t => t.Position).ThenBy(t => t.Start).ThenBy(t => t.Text, StringComparer.Ordinal),
            words.Concat(subWords).OrderBy(t => t.Position).ThenBy(t => t.Start).ThenBy(t => t.Text, StringComparer.Ordinal));
    }

    [Fact]
    public void Should_segment_chinese_with_smartcn()
    {
        using var analyzer = LuceneAnalyzers.Create(LuceneAnalyzers.SmartCn);
        var tokens = Tokens(analyzer, "加快推进氢能产业高质量发展");
        Assert.True(tokens.Count >= 3, string.Join(" | ", tokens.Select(t => t.Text)));
        Assert.Contains(tokens, t => t.Text == "发展");
    }

    [Fact]
    public void Should_refuse_an_unknown_analyzer_with_a_sentence()
    {
        var e = Assert.Throws<IndexEngineException>(() => LuceneAnalyzers.Create("jieba"));
        Assert.Contains("policy or smartcn", e.Message, StringComparison.Ordinal);
    }
}
