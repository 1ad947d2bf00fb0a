using FsCheck;
using FsCheck.Fluent;
using SearchEngine.Core.Analysis;
using SearchEngine.Core.Text;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Core.Analysis;

/// <summary>Offsets and positions stay exact on the real seeds and on any input at all.</summary>
public class AnalyzerInvariantTests
{
    private static readonly ChineseAnalyzer Analyzer = ChineseAnalyzer.Default;

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Should_map_every_word_of_every_seed_back_to_its_original_text(string seed)
    {
        string text = new PolicyTextCleaner().Clean(File.ReadAllText(Seeds.SeedPath(seed))).Text;
        var tokens = Analyzer.Analyze(text, AnalysisMode.Index);
        Assert.NotEmpty(tokens);
        foreach (var token in tokens)
        {
            string original = text[token.Start..token.End];
            string expected = token.Kind is TokenKind.Word or TokenKind.SubWord or TokenKind.Number or TokenKind.Alphanumeric
                ? token.Text
                : Compact(token.Text);
            Assert.True(Fold(original) == expected || Compact(Fold(original)) == expected,
                $"{seed}: token '{token.Text}' ({token.Kind}) points at '{original}' [{token.Start}-{token.End}]");
        }
    }

    [Fact]
    public void Should_keep_original_offsets_through_traditional_and_full_width_text()
    {
        const string text = "推進氫能與ＡＩ產業，２０２５年";
        var tokens = Analyzer.Analyze(text, AnalysisMode.Query);
        Assert.Equal(["推进", "氢能", "ai", "产业", "2025年"], tokens.Select(t => t.Text));
        Assert.Equal(["推進", "氫能", "ＡＩ", "產業", "２０２５年"], tokens.Select(t => text[t.Start..t.End]));
    }

    [Fact]
    public void Should_give_positions_that_align_words_with_their_sub_words()
    {
        var tokens = Analyzer.Analyze("发展智能网联汽车，", AnalysisMode.Index);
        var whole = tokens.Single(t => t.Text == "智能网联汽车");
        var car = tokens.Single(t => t.Text == "汽车");
        Assert.Equal((2, 8), (whole.Position, whole.PositionEnd));
        Assert.Equal((6, 8), (car.Position, car.PositionEnd));
        Assert.Equal(TokenKind.SubWord, car.Kind);
    }

    [Fact]
    public void Should_leave_a_gap_for_punctuation_and_stop_words_but_not_for_spaces()
    {
        var spaced = Analyzer.Analyze("5G 网络", AnalysisMode.Query);
        var glued = Analyzer.Analyze("5G网络", AnalysisMode.Query);
        Assert.Equal(glued.Select(t => t.Position), spaced.Select(t => t.Position));
        var comma = Analyzer.Analyze("发展，产业", AnalysisMode.Query);
        Assert.Equal(1, comma[1].Position - comma[0].PositionEnd);
    }

    [Fact]
    public void Should_analyze_any_string_with_offsets_in_bounds_and_in_order()
    {
        Prop.ForAll(Inputs().ToArbitrary(), text =>
        {
            foreach (var mode in new[] { AnalysisMode.Query, AnalysisMode.Index })
            {
                var tokens = Analyzer.Analyze(text, mode);
                int lastStart = 0, lastPosition = 0;
                foreach (var t in tokens)
                {
                    if (t.Start < 0 || t.End > text.Length || t.Start >= t.End || t.Text.Length == 0 || t.PositionEnd <= t.Position)
                        return false;
                    if (t.Kind != TokenKind.SubWord)
                    {
                        if (t.Start < lastStart || t.Position < lastPosition)
                            return false;
                        (lastStart, lastPosition) = (t.Start, t.Position);
                    }
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_give_the_same_tokens_when_threads_share_the_analyzer()
    {
        var texts = Directory.GetFiles(Seeds.SeedFolder, "*.txt").Select(File.ReadAllText).ToArray();
        var expected = texts.Select(t => Analyzer.Analyze(t, AnalysisMode.Index)).ToArray();
        Parallel.For(0, texts.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var actual = Analyzer.Analyze(texts[i % texts.Length], AnalysisMode.Index);
            Assert.True(expected[i % texts.Length].SequenceEqual(actual), $"seed {i % texts.Length} analysed differently on a shared analyzer");
        });
    }

    [Fact]
    public void Should_give_the_same_tokens_whatever_the_thread_analysed_before()
    {
        // Given texts of very different lengths, the longest past the size a thread keeps its working arrays at,
        // and a text of mixed tokens throughout followed by one of Han words only, where a stale span would cut words
        var seeds = Directory.GetFiles(Seeds.SeedFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        string spansEverywhere = string.Concat(Enumerable.Repeat("2021年5g-a 9.9%湘政办发〔2021〕47号", 40));
        string wordsOnly = string.Concat(Enumerable.Repeat("促进制造业高质量发展数据要素市场化配置", 60));
        string[] texts =
        [
            seeds[0], "推進氫能與ＡＩ產業，２０２５年", seeds[1], spansEverywhere, wordsOnly,
            string.Concat(Enumerable.Repeat(seeds[2], 1 + 1_100_000 / seeds[2].Length)), "湘政办发〔2021〕47号", "", seeds[3], "发展",
        ];

        // When each is analysed on a fresh thread, and then all in turn on one thread, in both modes
        foreach (var mode in new[] { AnalysisMode.Index, AnalysisMode.Query })
        {
            var alone = texts.Select(text => OnFreshThread(() => Analyzer.Analyze(text, mode))).ToArray();
            var inTurn = OnFreshThread(() => texts.Select(text => Analyzer.Analyze(text, mode)).ToArray());

            // Then the tokens are the same: nothing of an earlier text's working memory leaks into a later one
            for (int i = 0; i < texts.Length; i++)
                Assert.True(alone[i].SequenceEqual(inTurn[i]), $"text {i} ({mode}) analysed differently after the texts before it");
        }
    }

    /// <summary>Runs on a new thread, whose per-thread working memory starts empty; an exception comes back to the caller.</summary>
    private static T OnFreshThread<T>(Func<T> work)
    {
        T result = default!;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        });
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    [Fact]
    public void Should_analyze_very_long_runs_of_one_character_class()
    {
        foreach (var text in new[] { new string('氢', 20_000), new string('9', 20_000), new string('a', 20_000), string.Concat(Enumerable.Repeat("。，", 5_000)) })
        {
            var tokens = Analyzer.Analyze(text, AnalysisMode.Index);
            Assert.All(tokens, t => Assert.InRange(t.End, 1, text.Length));
        }
    }

    /// <summary>Han, Latin, digits, full width, emoji, lone surrogates, control characters, policy fragments.</summary>
    private static Gen<string> Inputs()
    {
        string[] pieces =
        [
            "氢能", "发展", "湘政办发〔2021〕47号", "2021—2025年", "5G-A", "Ｖ２．０", "氫能", "\uD83D\uDE00", "\uD800", "\uDC00",
            "\u0000", "\t", " ", "\u3000", "。", "，", "“", "(", "）", "1.", "9.9%", "4+4科创工程", "ａｂｃ", "Ⅷ", "㈠", "ﬁ",
            "专精特新", "中国农业发展银行", "\u200B", "é", "한국어", "ひらがな", "-", "+", "#",
        ];
        var piece = Gen.OneOf(Gen.Elements(pieces), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));
        return piece.ListOf().Select(parts => string.Concat(parts));
    }

    private static string Fold(string s) => SearchFolding.Fold(new string(s.Where(c => !char.IsWhiteSpace(c)).ToArray()))
        .Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant();

    private static string Compact(string s) => SearchFolding.Fold(s).Replace("—", "-", StringComparison.Ordinal).Replace("至", "-", StringComparison.Ordinal);
}
