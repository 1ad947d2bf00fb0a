using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using SearchEngine.Core.Analysis;
using SearchEngine.Core.Metadata;
using SearchEngine.Tests.Support;
using Xunit.Abstractions;

namespace SearchEngine.Tests.Core.Analysis;

/// <summary>
/// Issue 10, bounded cost for any content: every stage of the analyzer is linear in its input, on the hostile inputs
/// uploads contain (statistics tables, English PDFs, ligature spam, runs of one character). Where a count can show it
/// (tokens, allocated bytes, normalised length) the test asserts the count, which does not depend on the machine; the
/// time is compared only as a ratio of 1× and 8× the input in one process, with a factor generous enough for a shared
/// machine (a quadratic step gives 64).
/// </summary>
[Collection(TimingGroup.Name)]
public class LinearCostTests(ITestOutputHelper output)
{
    private static readonly ChineseAnalyzer Analyzer = ChineseAnalyzer.Default;

    /// <summary>
    /// Above the 64 K characters a thread keeps its working arrays for (AnalysisScratch), so both sizes pay for
    /// theirs and the allocation ratio compares like with like.
    /// </summary>
    private const int SmallLength = 70_000;
    private const int Growth = 8;

    /// <summary>Allocation allowed per input character: the analyzer measured 30–570 in Release; 1 MB of U+FDFA took 2,900 before its NFKC form was bounded.</summary>
    private const int MaxAllocatedBytesPerChar = 1_024;

    /// <summary>Each hostile family, made to a length in UTF-16 units.</summary>
    private static readonly Dictionary<string, Func<int, string>> Families = new()
    {
        ["numbers of a statistics table"] = n => Repeat("12.5 ", n),
        ["latin words"] = n => Repeat("ab ", n),
        ["one Han character"] = n => new string('一', n),
        ["one Latin word without spaces"] = n => new string('a', n),
        ["digits"] = n => new string('7', n),
        ["alternating digit and letter"] = n => Repeat("a1", n),
        ["joined alphanumeric parts"] = n => Repeat("a.1-", n),
        ["percentages"] = n => Repeat("1%", n),
        ["year ranges"] = n => Repeat("2021-", n),
        ["punctuation"] = n => new string('，', n),
        ["unknown Han characters (HMM)"] = n => new string([.. Enumerable.Range(0, n).Select(i => (char)(0x3400 + i % 6000))]),
        ["surrogate pairs (Han extension B)"] = n => Repeat("\U00020000", n),
        ["surrogate pairs folding to one Latin word"] = n => Repeat("\U0001D41A", n),
        ["one traditional character"] = n => new string('氫', n),
        ["traditional text"] = n => Repeat("推進氫能與產業發展", n),
        ["ligature U+FDFA"] = n => new string('\uFDFA', n),
        ["brackets before a year"] = n => Repeat("〔2021", n),
        ["document numbers"] = n => Repeat("湘政办发〔2021〕47号", n),
        ["document numbers in other spellings"] = n => Repeat("湘政办发 【2021】 第47 号湘政办发2021 47号", n),
        ["years after an issuing word"] = n => Repeat("发2021 ", n),
    };

    public static TheoryData<string> FamilyNames => [.. Families.Keys];

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void Should_analyze_a_hostile_input_in_tokens_memory_and_time_linear_in_its_length(string family)
    {
        // Given the same content at 1× and 8× the length
        string small = Families[family](SmallLength);
        string large = Families[family](SmallLength * Growth);

        // When both are analysed, warmed up and timed at their best, so a pause of the shared machine does not make the ratio
        Measure(small);
        var smallRuns = Enumerable.Range(0, 3).Select(_ => Measure(small)).ToList();
        var largeRuns = Enumerable.Range(0, 2).Select(_ => Measure(large)).ToList();
        var once = smallRuns.MinBy(m => m.Seconds);
        var eight = largeRuns.MinBy(m => m.Seconds);
        output.WriteLine($"{family}: {once.Seconds:F3} s, {once.Bytes:N0} B, {once.Tokens.Count} tokens → {eight.Seconds:F3} s, {eight.Bytes:N0} B, {eight.Tokens.Count} tokens");

        // Then tokens and allocations grow by about 8, time by far less than 64, and offsets stay in the text.
        // The analyzer keeps its working arrays per thread up to a size both texts exceed, so each run allocates its
        // own: the growth ratio compares the fewest bytes of each size.
        Assert.InRange(eight.Tokens.Count, 0, Growth * once.Tokens.Count + Growth);
        long largestBytes = largeRuns.Max(m => m.Bytes);
        Assert.True(largestBytes <= MaxAllocatedBytesPerChar * (long)large.Length,
            $"{family}: {largestBytes / large.Length} bytes allocated per input character");
        long onceBytes = smallRuns.Min(m => m.Bytes), eightBytes = largeRuns.Min(m => m.Bytes);
        Assert.True(eightBytes <= 12 * onceBytes, $"{family}: allocations grew {eightBytes / (double)onceBytes:F1}× for 8× the input");
        // Below 10 ms the clock measures the machine rather than the algorithm. Other test classes run beside this
        // one, so a ratio over the bar is measured again (up to three more times, best of each) before it counts: a
        // quadratic stage stays over it every time, a busy moment of the machine does not.
        double ratio = eight.Seconds / Math.Max(once.Seconds, 0.01);
        for (int retry = 0; retry < 3 && ratio >= 24; retry++)
        {
            once = new[] { once, Measure(small), Measure(small) }.MinBy(m => m.Seconds);
            eight = new[] { eight, Measure(large) }.MinBy(m => m.Seconds);
            ratio = eight.Seconds / Math.Max(once.Seconds, 0.01);
        }
        Assert.True(ratio < 24, $"{family}: {eight.Seconds:F3} s for 8× the input against {once.Seconds:F3} s (ratio {ratio:F1})");
        Assert.All(eight.Tokens, t => Assert.True(t.Start >= 0 && t.Start < t.End && t.End <= large.Length, $"{family}: token {t} out of bounds"));
    }

    [Fact]
    public void Should_keep_the_normalised_form_of_every_code_point_within_the_expansion_bound()
    {
        // Given every code point once (lone surrogates included) and the worst expanders repeated
        var text = new StringBuilder();
        for (int cp = 0; cp < 0x110000; cp++)
            text.Append(cp is >= 0xD800 and <= 0xDFFF ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));
        text.Append('\uFDFA', 10_000).Append('\uFDFB', 10_000).Append('㌖', 10_000);
        string original = text.ToString();

        // When it is normalised
        var normalized = NormalizedText.Create(original);

        // Then no original character gives more than MaxExpansion characters, and each maps into the original in order
        Assert.True(normalized.Length <= NormalizedText.MaxExpansion * original.Length);
        int run = 0, previousStart = -1;
        for (int i = 0; i < normalized.Length; i++)
        {
            int start = normalized.SourceStart(i), end = normalized.SourceEnd(i);
            Assert.True(start >= previousStart && start < end && end <= original.Length, $"character {i} maps to [{start}-{end}]");
            run = start == previousStart ? run + 1 : 1;
            if (run > NormalizedText.MaxExpansion)
                Assert.Fail($"U+{(int)original[start]:X4} at {start} expands to more than {NormalizedText.MaxExpansion} characters");
            previousStart = start;
        }
    }

    [Fact]
    public void Should_analyze_a_megabyte_of_U_FDFA_in_memory_proportional_to_it()
    {
        string text = new('\uFDFA', 1 << 20);
        var (_, bytes, tokens) = Measure(text);
        Assert.Equal(text.Length, NormalizedText.Create(text).Length);
        Assert.True(bytes <= 300L * text.Length, $"{bytes / text.Length} bytes allocated per character (2,900 when NFKC expanded it 18-fold)");
        Assert.All(tokens, t => Assert.Equal(text[t.Start..t.End], t.Text));
    }

    [Theory]
    [InlineData("⑽", "(10)")]
    [InlineData("⒇", "(20)")]
    [InlineData("Ⅷ", "viii")]
    [InlineData("㎡", "m2")]
    [InlineData("½", "1⁄2")]
    [InlineData("ＡＩ", "ai")]
    [InlineData("\uFDFA", "\uFDFA")]
    [InlineData("㌖", "㌖")]
    [InlineData("\U0001D160", "\U0001D160")]
    public void Should_expand_short_compatibility_forms_and_keep_long_ones_as_printed(string printed, string expected) =>
        Assert.Equal(expected, ChineseAnalyzer.Normalize(printed));

    [Fact]
    public void Should_analyze_a_noncharacter_that_NFKC_rejects()
    {
        // ICU throws on U+FFFE; an unassigned code point is its own NFKC form, so it is kept without asking.
        var tokens = Analyzer.Analyze("发展\uFFFE\uFFFF产业", AnalysisMode.Index);
        Assert.Equal(["发展", "产业"], tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Text));
    }

    [Fact]
    public void Should_find_a_kept_ligature_with_a_query_of_the_same_ligature()
    {
        var indexed = Analyzer.Analyze("ﷺ 发展", AnalysisMode.Index);
        Assert.Contains(indexed, t => t.Text == "ﷺ" && (t.Start, t.End) == (0, 1));
        Assert.Contains("ﷺ", Analyzer.Terms("ﷺ"));
    }

    [Fact]
    public void Should_find_the_same_spans_as_checking_every_match_against_every_document_number()
    {
        // Given random policy-like text rich in numbers, brackets and Latin terms
        string[] pieces =
        [
            "湘政办发〔2021〕47号", "国办发(2019)6号", "2021—2025年", "47号", "9.9%", "5g-a", "v2.0", "4190.73", "〔2021", "〕", "发展",
            "的通知", " ", "a", "1", ".", "-", "号", "年", "%", "(", "2020", "c++", "412家",
        ];
        var random = new Random(10);
        for (int round = 0; round < 300; round++)
        {
            string text = NormalizedText.Of(string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => pieces[random.Next(pieces.Length)])));

            // When spans are found by the one-pass merge
            var actual = MixedTokenRecognizer.Find(text).Select(s => (s.Start, s.End, s.Kind)).ToList();

            // Then they equal the plain quadratic merge it replaced
            Assert.Equal(QuadraticSpans(text), actual);
        }
    }

    [Fact]
    public void Should_find_the_same_matches_in_windows_as_in_the_whole_text()
    {
        // Given random text of the characters a match is made of, other Unicode digits (Arabic-Indic, Devanagari) and
        // characters that end a window, so windows start and end next to digits, dots, spaces and units
        const string alphabet = "0123456789٣٤०१abcz .-—–~～至到年月日号家个项座名件所户届次%+/&#发展的，(（";
        var random = new Random(11);
        for (int round = 0; round < 2000; round++)
        {
            string text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]));

            // When spans are found (the pattern run window by window)
            var actual = MixedTokenRecognizer.Find(text).Select(s => (s.Start, s.End, s.Kind)).ToList();

            // Then they are what the pattern finds in the whole text
            Assert.True(QuadraticSpans(text).SequenceEqual(actual), $"spans differ for '{text}'");
        }
    }

    [Fact]
    public void Should_walk_a_bounded_number_of_dictionary_prefixes_at_each_character()
    {
        // The segmenter and the index-mode sub-words look up at most MaxWordLength prefixes at each character, each of at
        // most MaxWordLength characters: a constant of the dictionary, so the walk stays linear in the text.
        Assert.InRange(Analyzer.Vocabulary.MaxWordLength, 1, 64);
    }

    private static List<(int Start, int End, TokenKind Kind)> QuadraticSpans(string text)
    {
        var spans = DocumentNumberParser.FindAllSpellings(text).Select(d => (d.Start, d.End, Kind: TokenKind.DocumentNumber)).ToList();
        int numbers = spans.Count;
        foreach (Match m in MixedTokenRecognizer.Pattern().Matches(text))
        {
            if (spans.Take(numbers).Any(s => m.Index < s.End && s.Start < m.Index + m.Length))
                continue;
            var kind = m.Groups["range"].Success || m.Groups["quantity"].Success ? TokenKind.Quantity
                : m.Groups["alnum"].Success ? TokenKind.Alphanumeric
                : TokenKind.Number;
            spans.Add((m.Index, m.Index + m.Length, kind));
        }
        return [.. spans.OrderBy(s => s.Start)];
    }

    private static (double Seconds, long Bytes, List<Token> Tokens) Measure(string text)
    {
        // A collection first, so each run pays for its own garbage only; and the time excludes the collector's pauses,
        // which a small input escapes (its garbage fits the first generation) and a large one does not, so they would
        // double the ratio for a linear stage. What the collector does is asserted apart, as allocated bytes.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var tokens = new List<Token>();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        Analyzer.Analyze(text, AnalysisMode.Index, tokens);
        clock.Stop();
        var working = clock.Elapsed - (GC.GetTotalPauseDuration() - paused);
        return (working.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - before, tokens);
    }

    private static string Repeat(string piece, int length)
    {
        var text = new StringBuilder(length + piece.Length);
        while (text.Length < length)
            text.Append(piece);
        return text.ToString();
    }
}
