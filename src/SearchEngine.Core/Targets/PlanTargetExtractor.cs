using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Targets;

/// <summary>
/// Finds the quantified goals a document sets (<see cref="PlanTarget"/>), section by section: each sentence's
/// quantities (<see cref="QuantityReader"/>) become targets when the text frames them as the future — a goal
/// heading, 力争 / 到2025年 / 今年, or a plan's tasks — and not as results (<see cref="TargetTense"/>); the verb
/// before the number gives the kind and bound (<see cref="TargetVerb"/>), the words before it the indicator
/// (<see cref="IndicatorText"/>). Linear in the text: each sentence is read a bounded number of times.
/// </summary>
public static partial class PlanTargetExtractor
{
    /// <summary>Longest sentence read: a "sentence" longer than this is a table or a run-on page, not a goal.</summary>
    private const int MaxSentenceLength = 600;

    /// <summary>
    /// Titles of documents whose business is goals and tasks (plans, action plans, work reports): in their task
    /// sections, counts to build are goals. Opinions, notices and measures print parameters (比例不低于20%, 延期1-2个月)
    /// and set goals only with words that say so (确保, 力争, 到2025年).
    /// </summary>
    [GeneratedRegex("规划|计划|纲要|行动|要点|政府工作报告|目标")]
    private static partial Regex PlanTitle();

    /// <summary>A department's budget or accounts: its figures are allocations, not goals.</summary>
    [GeneratedRegex("预算|决算")]
    private static partial Regex BudgetTitle();

    public static IReadOnlyList<PlanTarget> Extract(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var m = document.Metadata;
        int? year = m.Year?.Value ?? (m.SigningDate ?? m.PublicationDate)?.Value.Year;
        string title = m.Title?.Value ?? m.NoticeTitle?.Value ?? "";
        bool planLike = (PlanTitle().IsMatch(title) || m.PlanningPeriod is not null) && !BudgetTitle().IsMatch(title);
        int? documentGoalYear = title.Contains("政府工作报告", StringComparison.Ordinal) ? year
            : m.PlanningPeriod?.Value is { } period && title.Contains(period.Name, StringComparison.Ordinal)
                && (year is null || period.LastYear >= year) ? period.LastYear : null;
        var targets = new List<PlanTarget>();
        var running = TargetFrame.None;
        foreach (var section in document.Sections)
        {
            var (strong, weak) = FrameOfHeadings(section.HeadingPath, year);
            if (strong != TargetFrame.None)
                running = TargetFrame.None;
            var headingYears = TargetTense.ReadYears(string.Join("，", section.HeadingPath), year, ownYearIsAhead: true);
            string body = document.BodyOf(section);
            int? sectionGoal = null;
            foreach (var (paragraphStart, paragraph) in TextSpans.Paragraphs(body))
            {
                var opening = TargetTense.OfOpening(paragraph);
                if (opening == TargetFrame.None && paragraph.Length <= 24 && paragraph.IndexOfAny(['。', '；', '，']) < 0)
                {
                    // A line such as 2024年工作回顾 or 2025年工作安排 heads what follows, though not as an outline heading.
                    var lineYears = TargetTense.ReadYears(paragraph, year, ownYearIsAhead: true);
                    opening = lineYears.Past ? TargetFrame.Past : lineYears.Goal is not null ? TargetFrame.Task : TargetFrame.None;
                }
                if (opening != TargetFrame.None)
                    running = opening;
                var frame = strong != TargetFrame.None ? strong : running != TargetFrame.None ? running : weak;
                var context = new TargetContext(year, planLike, frame, section.Index, paragraphStart)
                {
                    DocumentYear = documentGoalYear, SectionYear = sectionGoal ?? headingYears.Goal,
                };
                foreach (var (start, length) in TextSpans.Sentences(paragraph))
                {
                    // The paragraph so far is carried as two facts, not re-read: a paragraph of many sentences costs its length.
                    var years = TargetTense.ReadYears(paragraph.Substring(start, length), year);
                    if (length <= MaxSentenceLength)
                        ReadSentence(context, paragraph.Substring(start, length), start, years, targets);
                    context = context with
                    {
                        ParagraphSetsGoal = context.ParagraphSetsGoal || TargetTense.SetsGoal(paragraph.Substring(start, length)),
                        ParagraphYear = context.ParagraphYear ?? years.Goal,
                    };
                }
                sectionGoal ??= TargetTense.ReadYears(paragraph, year).Goal;
            }
        }
        return targets;
    }

    /// <summary>What the headings say: strong (a goal or past heading, or a year the heading states) and weak.</summary>
    private static (TargetFrame Strong, TargetFrame Weak) FrameOfHeadings(IReadOnlyList<string> path, int? year)
    {
        for (int i = path.Count - 1; i >= 0; i--)
        {
            var years = TargetTense.ReadYears(path[i], year, ownYearIsAhead: true);
            if (years.Past)
                return (TargetFrame.Past, TargetFrame.None);
            if (years.Goal is not null)
                return (TargetFrame.Task, TargetFrame.None);
        }
        var frame = TargetTense.OfHeadings(path);
        return frame is TargetFrame.Goal or TargetFrame.Past ? (frame, TargetFrame.None) : (TargetFrame.None, frame);
    }

    /// <summary>Whether a sentence sets goals, by its frame and its words; if so its goals are read (<see cref="TargetSentence"/>).</summary>
    private static void ReadSentence(TargetContext c, string sentence, int start, TargetTense.YearReading sentenceYears, List<PlanTarget> targets)
    {
        var quantities = QuantityReader.Read(sentence);
        if (quantities.Count == 0)
            return;
        bool sets = TargetTense.SetsGoal(sentence);
        bool future = c.ParagraphSetsGoal || sets || sentenceYears.Goal is not null || c.ParagraphYear is not null;
        bool result = TargetTense.ReportsResult(sentence) || sentenceYears.Past;
        bool goals = c.Frame switch
        {
            // Even under 发展目标 a sentence about a period already over (“十三五”期间，年均增速为9.9%) reports.
            TargetFrame.Goal => !result || future,
            // Under a review, 争取 and 努力 report what was won; only a year still ahead (到2025年, 今年) sets a goal.
            TargetFrame.Past => sentenceYears.Goal is not null && !sentenceYears.Past,
            TargetFrame.Situation => sets || (sentenceYears.Goal is not null && !sentenceYears.Past),
            // Outside plans a goal needs words that set it; 提高到 / 控制在 are such words (逐步将…比例提高到80%以上).
            _ => future || (!result && (c.PlanLike || TargetVerb.SetsLevel(sentence))),
        };
        if (goals)
            new TargetSentence(c, sentence, start, sentenceYears).Read(quantities, targets);
    }
}
