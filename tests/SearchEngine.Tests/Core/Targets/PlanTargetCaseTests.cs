using System.Globalization;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Core.Targets;

namespace SearchEngine.Tests.Core.Targets;

/// <summary>
/// The target table (target-cases.txt): a sentence in a document of a given kind, and the goals it sets, or none.
/// Adding a case is adding a line.
/// </summary>
public class PlanTargetCaseTests
{
    private static readonly string TablePath = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Targets", "target-cases.txt");

    public static TheoryData<int, string, string, string> Cases() => Support.CaseTable.ThreeColumns(TablePath, " | ", " => ");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_extract_the_goals_the_table_lists(int line, string frame, string sentence, string expected)
    {
        var document = Document(frame, sentence);
        var got = PlanTargetExtractor.Extract(document).Where(t => t.Sentence.Contains(sentence, StringComparison.Ordinal) || sentence.Contains(t.Sentence, StringComparison.Ordinal)).ToList();
        string shown = got.Count == 0 ? "none" : string.Join(" ; ", got.Select(Describe));
        string where = $"{TablePath}:{line}: {sentence} gave {shown}";
        if (expected == "none")
        {
            Assert.True(got.Count == 0, where);
            return;
        }
        var want = expected.Split(" ; ");
        Assert.True(want.Length == got.Count, where);
        for (int i = 0; i < want.Length; i++)
        {
            var f = want[i].Split(" / ");
            var t = got[i];
            Assert.True(t.Indicator.Contains(f[0], StringComparison.Ordinal) || f[0].Contains(t.Indicator, StringComparison.Ordinal), $"{where} (indicator {i + 1})");
            Assert.True(Kind(t.Kind) == f[1] && Comparison(t.Comparison) == f[2], $"{where} (kind and comparison {i + 1})");
            var values = f[3].Split('-');
            Assert.True(t.Value == decimal.Parse(values[0], CultureInfo.InvariantCulture)
                && t.ValueMax == (values.Length > 1 ? decimal.Parse(values[1], CultureInfo.InvariantCulture) : null), $"{where} (value {i + 1})");
            Assert.True(t.Unit == f[4], $"{where} (unit {i + 1})");
            Assert.True(t.Year == (f[5] == "-" ? null : int.Parse(f[5], CultureInfo.InvariantCulture)), $"{where} (year {i + 1})");
        }
    }

    [Fact]
    public void Should_hold_at_least_35_cases() => Assert.True(Cases().Count >= 35);

    [Fact]
    public void Should_point_offsets_at_the_sentence_and_the_value_in_the_section_body()
    {
        var document = Document("plan-goal", "力争到2025年全省战略性新兴产业增加值占地区生产总值比重达到18%以上。");
        var target = Assert.Single(PlanTargetExtractor.Extract(document));
        string body = document.BodyOf(document.Sections[target.Section]);
        Assert.Equal(target.Sentence, body[target.SentenceStart..target.SentenceEnd]);
        Assert.Equal("18%以上", body[target.ValueStart..target.ValueEnd]);
    }

    /// <summary>A small document of the frame's kind holding the sentence under the frame's heading.</summary>
    internal static PolicyDocument Document(string frame, string sentence)
    {
        string text = frame switch
        {
            "plan-goal" => $"湖南省“十四五”科技创新发展规划\n一、发展基础\n概述。\n二、发展目标\n{sentence}\n三、重点任务\n任务。\n湖南省人民政府办公厅\n2021年7月1日",
            "plan-task" => $"湖南省“十四五”科技创新发展规划\n一、发展基础\n概述。\n二、发展目标\n目标。\n三、重点任务\n{sentence}\n湖南省人民政府办公厅\n2021年7月1日",
            "plan-review" => $"湖南省“十四五”科技创新发展规划\n一、发展基础\n{sentence}\n二、发展目标\n目标。\n湖南省人民政府办公厅\n2021年7月1日",
            "report-plan" => $"2025年湖南省政府工作报告\n2025年1月20日在湖南省第十四届人民代表大会第三次会议上\n一、2024年工作回顾\n过去一年，全省经济稳中有进。\n二、2025年工作安排\n{sentence}",
            "report-review" => $"2025年湖南省政府工作报告\n2025年1月20日在湖南省第十四届人民代表大会第三次会议上\n一、2024年工作回顾\n{sentence}\n二、2025年工作安排\n安排。",
            "notice" => $"关于进一步加强融资担保支持小微企业的通知\n一、工作措施\n{sentence}\n二、组织保障\n保障。\n江西省人民政府办公厅\n2020年3月2日",
            _ => throw new ArgumentException($"Unknown frame '{frame}' in {TablePath}.", nameof(frame)),
        };
        return new PolicyDocumentBuilder().Build("case", "case.txt", SourceFormat.Text, text);
    }

    private static string Describe(PlanTarget t) => string.Create(CultureInfo.InvariantCulture,
        $"{t.Indicator} / {Kind(t.Kind)} / {Comparison(t.Comparison)} / {t.Value}{(t.ValueMax is { } m ? "-" + m.ToString(CultureInfo.InvariantCulture) : "")} / {t.Unit} / {(t.Year?.ToString(CultureInfo.InvariantCulture) ?? "-")}");

    private static string Kind(TargetKind kind) => Benchmarks.Targets.TargetEvaluator.KindName(kind);

    private static string Comparison(TargetComparison comparison) => Benchmarks.Targets.TargetEvaluator.ComparisonName(comparison);
}
