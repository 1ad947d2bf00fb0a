using System.Text.RegularExpressions;

namespace SearchEngine.Core.Targets;

/// <summary>
/// Whether text speaks of the future (a goal) or the past (a result): plans and government work reports print both
/// in the same words (研发经费增长12%), and only the frame tells them apart — 力争, 到2025年, 今年 and a 目标
/// heading against 2020年, 同比, 过去一年 and a 发展基础 heading. Years are judged against the document's own year.
/// </summary>
internal static partial class TargetTense
{
    /// <summary>Words that set a goal wherever they stand in a sentence.</summary>
    [GeneratedRegex("力争|争取|确保|预期目标|主要目标|目标是|目标为|计划到|努力|将达到|将突破|将超过|将实现|将增长|将提高|将新增|期末|年均增长|年均提高|年均下降")]
    private static partial Regex FutureWords();

    /// <summary>Words that report a result.</summary>
    [GeneratedRegex("同比|比上年|较上年|去年|上年|过去|截至|截止|已经|已达|已建|已有|累计完成|实现了|完成了|达到了|提高了|增长了|下降了|取得了|先后|年来|以来")]
    private static partial Regex PastWords();

    /// <summary>A stated year: 到2025年, 2025年底前, 2020年末, 由2020年的 (a baseline), 比2020年 (a comparison base).</summary>
    [GeneratedRegex("(?<frame>到|至|由|从|比|较|与|相比)?(?<year>(?:19|20)[0-9][0-9])年(?<after>底前|以前|前|年底|底|末)?")]
    private static partial Regex StatedYear();

    /// <summary>A period named alone or with 末 / 期间: “十三五”期间, 十四五末.</summary>
    [GeneratedRegex("(?<name>十[一二三四五六]五)[”\"]?(?<when>期末|末|期间|时期|以来)?")]
    private static partial Regex PeriodMention();

    [GeneratedRegex("回顾|发展基础|基础与形势|现状|成效|成就|取得的|进展|总结|评估")]
    private static partial Regex PastHeading();

    [GeneratedRegex("形势|背景|机遇|挑战|问题|必要性|意义")]
    private static partial Regex SituationHeading();

    [GeneratedRegex("目标|指标|预期|愿景|展望")]
    private static partial Regex GoalHeading();

    [GeneratedRegex("任务|举措|措施|重点|要求|工作安排|部署|方向|路径|行动|工程|专栏|布局|建设|发展|推进|加快|实施|打造|培育|提升|强化|完善|健全|深化|扩大|推动")]
    private static partial Regex TaskHeading();

    /// <summary>Paragraph openings that turn a report to its past: 过去一年, 五年来, “十三五”期间, 2024年是极不平凡的一年.</summary>
    [GeneratedRegex("^(过去一年|过去五年|一年来|五年来|回顾|[^。]{0,8}工作回顾|[^，,。]{0,12}(期间|以来)[，,]|20\\d\\d年[，,是][^。]{0,20}(不平凡|攻坚|关键))")]
    private static partial Regex PastOpening();

    /// <summary>Paragraph openings that turn a report to its plans: 今年, 做好今年工作, 2025年政府工作, …预期目标是.</summary>
    [GeneratedRegex("^(今年|做好今年|20\\d\\d年(政府)?工作(安排|任务|部署|建议|总体要求|的总体要求)|[^。]{0,24}(预期目标|主要目标|总体要求))")]
    private static partial Regex FutureOpening();

    /// <summary>What the headings above a section say it is about, the innermost heading that says anything winning.</summary>
    public static TargetFrame OfHeadings(IReadOnlyList<string> headingPath)
    {
        for (int i = headingPath.Count - 1; i >= 0; i--)
        {
            string h = headingPath[i];
            if (GoalHeading().IsMatch(h))
                return TargetFrame.Goal;
            if (PastHeading().IsMatch(h))
                return TargetFrame.Past;
            if (SituationHeading().IsMatch(h))
                return TargetFrame.Situation;
            if (TaskHeading().IsMatch(h))
                return TargetFrame.Task;
        }
        return TargetFrame.None;
    }

    /// <summary>The frame a paragraph's opening turns a report to, or <see cref="TargetFrame.None"/>.</summary>
    public static TargetFrame OfOpening(string paragraph) =>
        FutureOpening().IsMatch(paragraph) ? TargetFrame.Task
        : PastOpening().IsMatch(paragraph) ? TargetFrame.Past
        : GlossaryOpening().IsMatch(paragraph) ? TargetFrame.Situation
        : TargetFrame.None;

    /// <summary>名词解释 and the like: what follows defines terms (a plan's numbers quoted, not set).</summary>
    [GeneratedRegex("^(名词解释|名词注释|注释|附注|注解|术语解释)[：:]?$")]
    private static partial Regex GlossaryOpening();

    public static bool SetsGoal(string text) => FutureWords().IsMatch(text);

    public static bool ReportsResult(string text) => PastWords().IsMatch(text);

    /// <summary>
    /// The years a piece of text states, judged against <paramref name="documentYear"/>: the goal year (到2025年,
    /// 2025年底前, 今年, 十四五末), whether a year or period already over frames it (2020年全省实现…, 十三五期间), and a
    /// baseline year (由2020年的).
    /// </summary>
    /// <param name="text">The words to read.</param>
    /// <param name="documentYear">The document's own year, which years are judged against.</param>
    /// <param name="ownYearIsAhead">
    /// Whether a bare mention of the document's own year looks ahead: in a heading (2025年工作总体要求) it does; in a
    /// sentence (2020年部门预算安排购置车辆1辆) it may describe the year under way, so only 到 / 前 / 今年 make it a goal.
    /// </param>
    public static YearReading ReadYears(string text, int? documentYear, bool ownYearIsAhead = false)
    {
        int? goal = null, baseline = null;
        bool past = false;
        foreach (Match m in StatedYear().Matches(text))
        {
            int year = int.Parse(m.Groups["year"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            string frame = m.Groups["frame"].Value, after = m.Groups["after"].Value;
            if (frame is "由" or "从")
                baseline ??= year;
            else if (frame is "比" or "较" or "与" or "相比")
                continue;
            else if (documentYear is int now && year < now && after is not ("底前" or "以前" or "前"))
                past = true;
            else if (frame is "到" or "至" || after.Length > 0 || (documentYear is int own && (year > own || ownYearIsAhead)))
                goal ??= year;
        }
        foreach (Match m in PeriodMention().Matches(text))
        {
            // 十三五期间 is past in a 2021 plan; 十四五末 is its goal year.
            if (Metadata.PlanningPeriodFinder.Named(m.Groups["name"].Value) is not { LastYear: int last })
                continue;
            string when = m.Groups["when"].Value;
            if (documentYear is int now && last < now)
                past = true;
            else if (when is "末" or "期末" or "期间" or "时期")
                goal ??= last;
        }
        if (documentYear is int thisYear)
        {
            if (text.Contains("今年", StringComparison.Ordinal))
                goal ??= thisYear;
            else if (text.Contains("明年", StringComparison.Ordinal))
                goal ??= thisYear + 1;
        }
        return new YearReading(goal, past, baseline);
    }

    /// <summary>What <see cref="ReadYears"/> found.</summary>
    public readonly record struct YearReading(int? Goal, bool Past, int? Baseline);
}
