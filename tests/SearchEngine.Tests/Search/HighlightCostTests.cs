using System.Diagnostics;
using System.Text;
using SearchEngine.Core.Analysis;
using SearchEngine.Search.Highlighting;
using SearchEngine.Tests.Support;
using Xunit.Abstractions;

namespace SearchEngine.Tests.Search;

/// <summary>
/// Issue 10: highlighting is linear in the text it marks, on texts dense with query terms (every word a match),
/// and a snippet of a long section without a plain occurrence analyses a bounded prefix. Measured as in
/// LinearCostTests: the output is counted, the time compared only as a ratio of 1× and 8× in one process.
/// </summary>
[Collection(TimingGroup.Name)]
public class HighlightCostTests(ITestOutputHelper output)
{
    private static readonly Highlighter Highlighter = new(ChineseAnalyzer.Default);
    private const int SmallLength = 40_000;
    private const int Growth = 8;

    public static TheoryData<string, string, string> Families => new()
    {
        { "a query word, over and over", "氢能 ", "氢能" },
        { "numbers of a statistics table", "12.5 ", "12.5" },
        { "latin words", "ab ", "ab" },
        { "document numbers", "湘政办发〔2021〕47号、", "湘政办发(2021)47号" },
        { "HTML that must be escaped", "<b>氢能</b>&", "氢能" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Should_highlight_a_dense_text_in_output_and_time_linear_in_its_length(string family, string unit, string term)
    {
        string small = Repeat(unit, SmallLength), large = Repeat(unit, SmallLength * Growth);
        var terms = HighlightTerms.OfWords([term]);
        Highlighter.Full(small, terms);
        double once = Best(() => Highlighter.Full(small, terms), 3), eight = Best(() => Highlighter.Full(large, terms), 2);
        for (int retry = 0; retry < 3 && eight / Math.Max(once, 0.01) >= 24; retry++)
            (once, eight) = (Math.Min(once, Best(() => Highlighter.Full(small, terms), 2)), Math.Min(eight, Best(() => Highlighter.Full(large, terms), 1)));
        string marked = Highlighter.Full(large, terms);
        output.WriteLine($"{family}: {once:F3} s → {eight:F3} s; {marked.Length:N0} characters out for {large.Length:N0} in");

        Assert.Contains("<mark>", marked, StringComparison.Ordinal);
        Assert.True(marked.Length <= 8 * large.Length, $"{marked.Length} characters out for {large.Length} in");
        Assert.True(eight / Math.Max(once, 0.01) < 24, $"{family}: {eight:F3} s for 8× the text against {once:F3} s");
        string snippet = Highlighter.Snippet(large, terms, 160);
        Assert.True(snippet.Length <= 160 * 12, $"a snippet of {snippet.Length} characters");
    }

    [Fact]
    public void Should_look_at_a_bounded_prefix_when_no_term_occurs_plainly()
    {
        // Traditional characters match 氢能 only after normalisation, so no plain occurrence guides the window
        var terms = HighlightTerms.OfWords(["氢能"]);
        string small = Repeat("推進氫能與產業發展。", Highlighter.NormalisedSearchCharacters);
        string large = Repeat("推進氫能與產業發展。", Highlighter.NormalisedSearchCharacters * 16);
        Highlighter.Snippet(small, terms, 160);
        double once = Best(() => Highlighter.Snippet(small, terms, 160), 3), sixteen = Best(() => Highlighter.Snippet(large, terms, 160), 2);
        output.WriteLine($"{once:F3} s for {small.Length:N0} characters, {sixteen:F3} s for {large.Length:N0}");
        Assert.Contains("<mark>氫能</mark>", Highlighter.Snippet(large, terms, 160), StringComparison.Ordinal);
        Assert.True(sixteen / Math.Max(once, 0.01) < 6, $"{sixteen:F3} s for 16× the text against {once:F3} s: the prefix is not bounded");
    }

    private static double Best(Func<string> work, int runs)
    {
        double best = double.MaxValue;
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
            sb.Append(unit);
        return sb.ToString(0, length);
    }
}
