using SearchEngine.Core.Analysis;

namespace SearchEngine.Tests.Core.Analysis;

/// <summary>
/// The segmentation table (segmentation-cases.txt): "INPUT => a | b" is the exact query-mode segmentation,
/// "INPUT +> a | b" lists tokens index mode must also produce. Adding a case is adding a line.
/// </summary>
public class SegmentationTableTests
{
    private static readonly string TablePath = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Analysis", "segmentation-cases.txt");

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Analysis", "segmentation-cases.txt")))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            foreach (var op in new[] { " => ", " +> " })
            {
                int at = line.IndexOf(op, StringComparison.Ordinal);
                if (at >= 0)
                {
                    data.Add(lineNumber, line[..at], op.Trim(), line[(at + op.Length)..].Trim());
                    break;
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_segment_as_the_table_says(int line, string input, string op, string expected)
    {
        var analyzer = ChineseAnalyzer.Default;
        var want = expected.Split(" | ");
        if (op == "=>")
        {
            var got = analyzer.Terms(input);
            Assert.True(want.SequenceEqual(got), $"{TablePath}:{line}: {input} => {string.Join(" | ", got)} (expected {expected})");
        }
        else
        {
            var got = analyzer.Analyze(input, AnalysisMode.Index).Select(t => t.Text).ToHashSet();
            var missing = want.Where(w => !got.Contains(w)).ToList();
            Assert.True(missing.Count == 0, $"{TablePath}:{line}: {input} index tokens lack {string.Join(" | ", missing)}; have {string.Join(" ", got)}");
        }
    }

    [Fact]
    public void Should_hold_at_least_150_cases() => Assert.True(Cases().Count >= 150);
}
