using System.Diagnostics;
using System.Text;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Core.Targets;
using SearchEngine.Tests.Support;
using Xunit.Abstractions;

namespace SearchEngine.Tests.Core.Targets;

/// <summary>
/// Bounded cost for any content (issue 10's standard): extracting targets is linear in the text, on the inputs that
/// would make a careless reader quadratic — one paragraph of thousands of goal sentences (each read against the
/// paragraph before it), sentences crowded with quantities and clauses, 分别 lists, titles. Time is compared as a
/// ratio of 1× and 8× the input in one process; a quadratic step gives 64.
/// </summary>
[Collection(TimingGroup.Name)]
public class PlanTargetLinearCostTests(ITestOutputHelper output)
{
    private const int SmallLength = 120_000; // so the small text takes over the clock's 10 ms floor
    private const int Growth = 8;

    private static readonly Dictionary<string, Func<int, string>> Families = new()
    {
        ["one paragraph of goal sentences"] = n => Repeat("力争到2025年全社会研发经费投入增长12%以上。", n),
        ["one paragraph of review sentences"] = n => Repeat("2020年高新技术企业达到8621家。", n),
        ["a sentence of quantities without end"] = n => Repeat("新增企业10家、", n),
        ["quantities without units"] = n => Repeat("2025 ", n),
        ["separate lists"] = n => Repeat("交通、水利分别完成投资2500亿元、800亿元；", n),
        ["titles and quotes"] = n => Repeat("《关于20条措施的通知》“3个100”工程12%；", n),
        ["ranges and doublings"] = n => Repeat("5%—6%翻一番1-2个，", n),
        ["lines of years"] = n => Repeat("2024年工作回顾\n", n),
    };

    public static TheoryData<string> FamilyNames => [.. Families.Keys];

    [Theory]
    [MemberData(nameof(FamilyNames))]
    public void Should_extract_in_time_linear_in_the_text(string family)
    {
        var builder = new PolicyDocumentBuilder();
        var small = Document(builder, Families[family](SmallLength));
        var large = Document(builder, Families[family](SmallLength * Growth));
        Measure(small);
        double once = Enumerable.Range(0, 3).Min(_ => Measure(small).Seconds);
        var eightRun = Measure(large);
        double eight = eightRun.Seconds;
        double ratio = eight / Math.Max(once, 0.01);
        for (int retry = 0; retry < 3 && ratio >= 24; retry++)
        {
            once = Math.Min(once, Measure(small).Seconds);
            eight = Math.Min(eight, Measure(large).Seconds);
            ratio = eight / Math.Max(once, 0.01);
        }
        output.WriteLine($"{family}: {once:F3} s → {eight:F3} s, {eightRun.Targets} targets");
        Assert.True(ratio < 24, $"{family}: {eight:F3} s for 8× the text against {once:F3} s (ratio {ratio:F1})");
    }

    private static PolicyDocument Document(PolicyDocumentBuilder builder, string body) =>
        builder.Build("linear", "linear.txt", SourceFormat.Text, "湖南省“十四五”发展规划\n二、发展目标\n" + body);

    private static (double Seconds, int Targets) Measure(PolicyDocument document)
    {
        var clock = Stopwatch.StartNew();
        int count = PlanTargetExtractor.Extract(document).Count;
        return (clock.Elapsed.TotalSeconds, count);
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
            text.Append(unit);
        return text.ToString(0, length);
    }
}
