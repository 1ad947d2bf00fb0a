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

    /// <summary>Clauses about money a policy hands out or a rule sets (奖励, 补贴, 罚款): amounts, not goals.</summary>
    [GeneratedRegex("奖励|补贴|补助|资助|奖补|贴息|给予|最高|一次性|每人|每户|每家|罚款|罚金|处以|收费|标准为|额度|费率|利率")]
    private static partial Regex ParameterWords();

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

    [GeneratedRegex("(?<frame>由|从)(?:(?:19|20)\\d\\d年(?:底|末)?的?)?$")]
    private static partial Regex BaselineFrame();

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
            foreach (var (paragraphStart, paragraph) in Paragraphs(body))
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
                var context = new Context(year, planLike, frame, section, body, paragraph, paragraphStart) { DocumentYear = documentGoalYear };
                context.FallbackYear = sectionGoal ?? headingYears.Goal;
                foreach (var (start, length) in Sentences(paragraph))
                {
                    if (length <= MaxSentenceLength)
                        ReadSentence(context, start, length, targets);
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

    private sealed class Context(int? year, bool planLike, TargetFrame frame, Section section, string body, string paragraph, int paragraphStart)
    {
        public int? Year { get; } = year;
        public bool PlanLike { get; } = planLike;
        public TargetFrame Frame { get; } = frame;
        public Section Section { get; } = section;
        public string Body { get; } = body;
        public string Paragraph { get; } = paragraph;
        public int ParagraphStart { get; } = paragraphStart;
        public int? FallbackYear { get; set; }

        /// <summary>The year a document's goals are for when no text near them says: a report's own year, a plan's period end.</summary>
        public int? DocumentYear { get; init; }
    }

    private static void ReadSentence(Context c, int start, int length, List<PlanTarget> targets)
    {
        string sentence = c.Paragraph.Substring(start, length);
        var quantities = QuantityReader.Read(sentence);
        if (quantities.Count == 0)
            return;
        string upToHere = c.Paragraph[..(start + length)];
        var sentenceYears = TargetTense.ReadYears(sentence, c.Year);
        var paragraphYears = TargetTense.ReadYears(upToHere, c.Year);
        bool future = TargetTense.SetsGoal(upToHere) || sentenceYears.Goal is not null || paragraphYears.Goal is not null;
        bool result = TargetTense.ReportsResult(sentence) || sentenceYears.Past;
        bool goals = c.Frame switch
        {
            // Even under 发展目标 a sentence about a period already over (“十三五”期间，年均增速为9.9%) reports.
            TargetFrame.Goal => !result || future,
            // Under a review, 争取 and 努力 report what was won; only a year still ahead (到2025年, 今年) sets a goal.
            TargetFrame.Past => sentenceYears.Goal is not null && !sentenceYears.Past,
            TargetFrame.Situation => TargetTense.SetsGoal(sentence) || (sentenceYears.Goal is not null && !sentenceYears.Past),
            // Outside plans a goal needs words that set it; 提高到 / 控制在 are such words (逐步将…比例提高到80%以上).
            _ => future || (!result && (c.PlanLike || TargetVerb.SetsLevel(sentence))),
        };
        if (!goals)
            return;
        var clauses = Clauses(sentence);
        var handled = new bool[quantities.Count];
        ReadSeparateList(c, sentence, start, quantities, handled, targets);
        var quoted = TitleSpans(sentence);
        string? carried = null;
        TargetVerb? carriedVerb = null;
        for (int q = 0; q < quantities.Count; q++)
        {
            var quantity = quantities[q];
            if (handled[q] || quoted.Any(span => quantity.Start > span.Start && quantity.Start < span.End))
                continue;
            var (clauseStart, clauseEnd) = clauses.First(k => quantity.Start >= k.Start && quantity.Start < k.End);
            string clause = sentence[clauseStart..clauseEnd];
            // In a list of counts (5个国家先进制造业集群和3个国家级战略性新兴产业集群) each count's words start after
            // the one before it.
            int wordsStart = q > 0 && quantities[q - 1].End > clauseStart ? quantities[q - 1].End : clauseStart;
            string before = sentence[wordsStart..quantity.Start];
            if (wordsStart > clauseStart && BaselineFrame().IsMatch(sentence[clauseStart..quantities[q - 1].Start]))
            {
                // 研发经费投入强度由2020年的2.2%提高到2.5%: the words before the baseline name the indicator.
                before = BaselineFrame().Replace(sentence[clauseStart..quantities[q - 1].Start], "") + before;
            }
            var clauseYears = TargetTense.ReadYears(clause, c.Year);
            bool clauseGoal = TargetTense.SetsGoal(clause) || clauseYears.Goal is not null;
            if (quantity.Attributive || ParameterWords().IsMatch(clause)
                || ((clauseYears.Past || TargetTense.ReportsResult(clause)) && !clauseGoal))
                continue;
            // 由2.2%提高到2.5%: the first quantity is the second's baseline, not a goal of its own.
            if (q + 1 < quantities.Count && quantities[q + 1].Start < clauseEnd && BaselineFrame().IsMatch(before))
                continue;
            // 公交与轨道50米内换乘比例提高到90%: a quantity followed in its clause by a verb and another quantity is
            // part of the indicator.
            if (q + 1 < quantities.Count && quantities[q + 1].Start < clauseEnd
                && TargetVerb.Last(sentence[quantity.End..quantities[q + 1].Start]).Verb is not null)
                continue;
            var (verb, verbAt) = TargetVerb.Last(before);
            // 突破关键核心技术20项, 提升老旧厂房40处: a verb with words between it and the number acts on those words,
            // and the number counts them.
            if (verb is { Builds: false } && verb.ActsOnWords(before, verbAt))
                verb = verb.AsBuilding();
            string indicator = Indicator(clause, quantity, clauseStart, before, verb, verbAt);
            if (indicator.Length == 0)
            {
                // 、7%左右: the next value of a list names nothing and does what the one before did.
                indicator = carried ?? "";
                verb ??= carriedVerb;
            }
            if (indicator.Length == 0)
                continue;
            // 240小时过境免签 names a policy; a duration is a goal only when a verb sets it (办理时限压缩至3天).
            if (quantity.Unit is "天" or "小时" or "个月" && verb is null or { Builds: true })
                continue;
            carried = indicator;
            carriedVerb = verb;
            var (baselineValue, baselineYear) = Baseline(quantities, q, sentence, clauseStart, c.Year);
            // The year under way counts as the goal's year once the text is known to set one (按照2020年…的目标).
            int? goalYear = clauseYears.Goal ?? TargetTense.ReadYears(clause, c.Year, ownYearIsAhead: true).Goal
                ?? GoalYear(c, sentence, sentenceYears, paragraphYears);
            targets.Add(Target(c, start, sentence, quantity, indicator, verb, goalYear, baselineValue, baselineYear));
        }
    }

    /// <summary>The indicator of one quantity, from the words before its verb or, for a count, the words after its unit.</summary>
    private static string Indicator(string clause, Quantity quantity, int clauseStart, string before, TargetVerb? verb, int verbAt)
    {
        string between = verbAt >= 0 ? before[(verbAt + verb!.Word.Length)..] : before;
        string counted = IndicatorText.Clean(AfterUnit(clause, quantity.End - clauseStart));
        // 培育30家专业化技术转移示范机构, 完善1000个居住小区再生资源回收体系, 人形机器人等20个未来产业: a verb of
        // building with nothing between it and the number, a verb alone, or a list closed by 等 before the number,
        // and the thing counted after it.
        string listed = before.TrimEnd();
        bool countsWhatFollows = counted.Length >= 2 && (IndicatorText.Clean(before).Length <= 4
            || listed.EndsWith('等') || listed.EndsWith('和') || listed.EndsWith('及') || listed.EndsWith('与'));
        if ((verb is { Builds: true } && IndicatorText.Clean(between).Length == 0) || countsWhatFollows)
            return counted;
        if (verb is { Builds: true })
            return IndicatorText.Clean(before); // 城镇新增就业85万人: the verb belongs to the indicator's name
        return IndicatorText.Clean(verbAt >= 0 ? before[..verbAt] : before);
    }

    private static PlanTarget Target(Context c, int sentenceStart, string sentence, Quantity quantity, string indicator, TargetVerb? verb,
        int? goalYear, decimal? baselineValue, int? baselineYear)
    {
        var comparison = quantity.ValueMax is not null ? TargetComparison.Range
            : SuffixBound(quantity.Suffix) ?? TargetVerb.PrefixBound(sentence, quantity.Start)
            ?? verb?.Comparison ?? TargetComparison.Exactly;
        var kind = quantity.Unit == "倍" && sentence.AsSpan(quantity.Start).StartsWith("翻") ? TargetKind.Increase
            : verb?.Kind ?? TargetKind.Level;
        int offset = c.ParagraphStart + sentenceStart;
        return new PlanTarget(indicator, kind, comparison, quantity.Value, quantity.ValueMax, quantity.Unit, goalYear,
            baselineValue, baselineYear, c.Section.Index, sentence, offset, offset + quantity.Start, offset + quantity.End);
    }

    /// <summary>
    /// The year a goal is for when its clause states none: the sentence's or paragraph's, the section's, a report's own
    /// year under its plans, a plan's period end under its goals and tasks; none for what recurs (每年新增).
    /// </summary>
    private static int? GoalYear(Context c, string sentence, TargetTense.YearReading sentenceYears, TargetTense.YearReading paragraphYears)
    {
        if (sentence.Contains("每年", StringComparison.Ordinal))
            return sentenceYears.Goal;
        return sentenceYears.Goal ?? paragraphYears.Goal ?? c.FallbackYear
            ?? (c.Frame is TargetFrame.Goal or TargetFrame.Task or TargetFrame.None ? c.DocumentYear : null);
    }

    /// <summary>
    /// 交通、水利分别完成投资2500亿元、800亿元 and 一、二、三产增加值分别增长3.5%以上、7%左右、5%以上: one record per
    /// listed item when the items and the values after 分别 pair up; the quantities it reads are marked handled.
    /// </summary>
    private static void ReadSeparateList(Context c, string sentence, int sentenceStart, List<Quantity> quantities, bool[] handled, List<PlanTarget> targets)
    {
        int at = sentence.IndexOf("分别", StringComparison.Ordinal);
        if (at < 0)
            return;
        int itemsStart = sentence.LastIndexOfAny(['，', ',', '：', ':', '；'], Math.Max(at - 1, 0)) + 1;
        var items = ListSeparators().Split(IndicatorText.Clean(sentence[itemsStart..at])).Where(i => i.Length > 0).ToList();
        var values = Enumerable.Range(0, quantities.Count).Where(q => quantities[q].Start > at).ToList();
        if (items.Count < 2 || values.Count < items.Count)
            return;
        // The values follow one another, joined by 、 / 和 only.
        for (int k = 1; k < items.Count; k++)
        {
            string gap = sentence[quantities[values[k - 1]].End..quantities[values[k]].Start];
            if (gap.Trim('、', '和', '及', ' ').Length > 0)
                return;
        }
        string action = sentence[(at + 2)..quantities[values[0]].Start];
        var (verb, verbAt) = TargetVerb.Last(action);
        string measured = verbAt >= 0 ? IndicatorText.Clean(action[(verbAt + verb!.Word.Length)..]) : "";
        if (verb is { Builds: true })
            verb = verb with { Builds = false };
        var years = TargetTense.ReadYears(sentence, c.Year);
        string last = items[^1];
        for (int k = 0; k < items.Count; k++)
        {
            // 一、二、三产增加值: a bare ordinal borrows the last item's tail (一产增加值).
            string item = items[k].Length == 1 && last.Length > 2 ? items[k] + last[1..] : items[k];
            handled[values[k]] = true;
            targets.Add(Target(c, sentenceStart, sentence, quantities[values[k]], item + measured, verb,
                GoalYear(c, sentence, years, years), null, null));
        }
    }

    [GeneratedRegex("[、和及与]")]
    private static partial Regex ListSeparators();

    /// <summary>Spans inside 《…》: a title (《关于有效应对疫情稳定经济增长20条政策措施的通知》) counts nothing.</summary>
    private static List<(int Start, int End)> TitleSpans(string sentence)
    {
        var spans = new List<(int, int)>();
        int open = -1;
        for (int i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] == '《')
                open = i;
            else if (sentence[i] == '》' && open >= 0)
            {
                spans.Add((open, i));
                open = -1;
            }
        }
        return spans;
    }

    private static TargetComparison? SuffixBound(string? suffix) => suffix switch
    {
        "以上" or "及以上" => TargetComparison.AtLeast,
        "以下" or "及以下" or "以内" or "之内" => TargetComparison.AtMost,
        "左右" or "上下" => TargetComparison.About,
        _ => null,
    };

    /// <summary>The baseline printed before a goal (由2020年的2.2%提高到2.5%): the previous quantity of the clause after 由 / 从.</summary>
    private static (decimal? Value, int? Year) Baseline(List<Quantity> quantities, int q, string sentence, int clauseStart, int? year)
    {
        if (q == 0 || quantities[q - 1].Start < clauseStart)
            return (null, null);
        var previous = quantities[q - 1];
        var frame = BaselineFrame().Match(sentence[clauseStart..previous.Start]);
        if (!frame.Success)
            return (null, null);
        return (previous.Value, TargetTense.ReadYears(frame.Value, year).Baseline);
    }

    /// <summary>The thing counted after a verb of building: 培育100家|专精特新企业, up to the clause's end or 等.</summary>
    private static string AfterUnit(string clause, int from)
    {
        string rest = clause[Math.Min(from, clause.Length)..];
        int cut = rest.IndexOfAny(['等', '（', '(']);
        for (int i = 0; i + 1 < rest.Length; i++)
        {
            // 5个国家先进制造业集群和3个…: the next count of a list starts a new thing.
            if (rest[i] is '和' or '及' or '与' && char.IsAsciiDigit(rest[i + 1]) && (cut < 0 || i < cut))
                cut = i;
        }
        return cut >= 0 ? rest[..cut] : rest;
    }

    /// <summary>Paragraphs of a section body (lines), with their offsets.</summary>
    private static IEnumerable<(int Start, string Text)> Paragraphs(string body)
    {
        int start = 0;
        while (start < body.Length)
        {
            int end = body.IndexOf('\n', start);
            if (end < 0)
                end = body.Length;
            if (end > start)
                yield return (start, body[start..end]);
            start = end + 1;
        }
    }

    /// <summary>Sentences of a paragraph, each with its final 。；！？ and without leading spaces.</summary>
    private static IEnumerable<(int Start, int Length)> Sentences(string paragraph)
    {
        int start = 0;
        for (int i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '；' or '！' or '？' or ';' or '!' or '?' || i == paragraph.Length - 1)
            {
                while (start <= i && char.IsWhiteSpace(paragraph[start]))
                    start++;
                if (i + 1 > start)
                    yield return (start, i + 1 - start);
                start = i + 1;
            }
        }
    }

    /// <summary>Clauses of a sentence (cut at ，、：, a comma between digit groups kept), as [start, end) pairs.</summary>
    private static List<(int Start, int End)> Clauses(string sentence)
    {
        var clauses = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            char ch = sentence[i];
            bool cut = ch is '，' or '、' or '：' or ':'
                || (ch == ',' && !(i > 0 && char.IsAsciiDigit(sentence[i - 1]) && i + 3 < sentence.Length && char.IsAsciiDigit(sentence[i + 1])));
            if (cut)
            {
                clauses.Add((start, i + 1));
                start = i + 1;
            }
        }
        clauses.Add((start, sentence.Length));
        return clauses;
    }
}
