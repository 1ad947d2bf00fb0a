using System.Text.RegularExpressions;

namespace SearchEngine.Core.Targets;

/// <summary>
/// The goals of one sentence already known to set goals: each quantity of it with the clause it stands in, the verb
/// before it (kind and bound), the indicator (before the verb, or after the unit for a count), a baseline printed
/// before it, and its year. Each clause is read once for its years and words, so a sentence costs its length times
/// a constant however many quantities it holds.
/// </summary>
internal sealed partial class TargetSentence
{
    /// <summary>Most quantities read in one sentence; a "sentence" with more is a table flattened into one line.</summary>
    private const int MaxQuantities = 64;

    /// <summary>Characters after a unit read for the thing a count counts (the indicator is at most as long).</summary>
    private const int CountedLength = 40;

    /// <summary>Clauses about money a policy hands out or a rule sets (奖励, 补贴, 罚款): amounts, not goals.</summary>
    [GeneratedRegex("奖励|补贴|补助|资助|奖补|贴息|给予|最高|一次性|每人|每户|每家|罚款|罚金|处以|收费|标准为|额度|费率|利率")]
    private static partial Regex ParameterWords();

    [GeneratedRegex("(?<frame>由|从)(?:(?:19|20)[0-9][0-9]年(?:底|末)?的?)?$")]
    private static partial Regex BaselineFrame();

    [GeneratedRegex("[、和及与]")]
    private static partial Regex ListSeparators();

    private readonly TargetContext _context;
    private readonly string _sentence;
    private readonly int _start;
    private readonly TargetTense.YearReading _years;

    public TargetSentence(TargetContext context, string sentence, int start, TargetTense.YearReading years)
    {
        (_context, _sentence, _start, _years) = (context, sentence, start, years);
    }

    /// <summary>What one clause says, read once for all the quantities in it.</summary>
    private sealed record Clause(int Start, int End, TargetTense.YearReading Years, int? OwnYear, bool SetsGoal, bool Excluded);

    public void Read(List<Quantity> found, List<PlanTarget> targets)
    {
        var quantities = found.Count > MaxQuantities ? found[..MaxQuantities] : found;
        var handled = new bool[quantities.Count];
        ReadSeparateList(quantities, handled, targets);
        var titles = TextSpans.TitleSpans(_sentence);
        var spans = TextSpans.Clauses(_sentence);
        Clause? clause = null;
        int next = 0;
        string? carried = null;
        TargetVerb? carriedVerb = null;
        for (int q = 0; q < quantities.Count; q++)
        {
            var quantity = quantities[q];
            while (spans[next].End <= quantity.Start)
                next++;
            if (clause is null || clause.Start != spans[next].Start)
                clause = Read(spans[next]);
            if (handled[q] || clause.Excluded || quantity.Attributive || titles.Any(t => quantity.Start > t.Start && quantity.Start < t.End))
                continue;
            bool nextInClause = q + 1 < quantities.Count && quantities[q + 1].Start < clause.End;
            int wordsStart = q > 0 && quantities[q - 1].End > clause.Start ? quantities[q - 1].End : clause.Start;
            string before = _sentence[wordsStart..quantity.Start];
            // 由2.2%提高到2.5%: the first quantity is the second's baseline, not a goal of its own.
            if (nextInClause && BaselineFrame().IsMatch(before))
                continue;
            // 公交与轨道50米内换乘比例提高到90%: a quantity followed in its clause by a verb and another quantity is
            // part of the indicator.
            if (nextInClause && TargetVerb.Last(_sentence[quantity.End..quantities[q + 1].Start]).Verb is not null)
                continue;
            if (wordsStart > clause.Start && BaselineFrame().IsMatch(_sentence[clause.Start..quantities[q - 1].Start]))
            {
                // 研发经费投入强度由2020年的2.2%提高到2.5%: the words before the baseline name the indicator.
                before = BaselineFrame().Replace(_sentence[clause.Start..quantities[q - 1].Start], "") + before;
            }
            var (verb, verbAt) = TargetVerb.Last(before);
            // 突破关键核心技术20项, 提升老旧厂房40处: a verb with words between it and the number acts on those words,
            // and the number counts them.
            if (verb is { Builds: false } && verb.ActsOnWords(before, verbAt))
                verb = verb.AsBuilding();
            string indicator = Indicator(clause, quantity, before, verb, verbAt);
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
            var (baselineValue, baselineYear) = Baseline(quantities, q, clause.Start);
            // The year under way counts as the goal's year once the text is known to set one (按照2020年…的目标).
            int? goalYear = clause.Years.Goal ?? clause.OwnYear ?? GoalYear();
            targets.Add(Target(quantity, indicator, verb, goalYear, baselineValue, baselineYear));
        }
    }

    private Clause Read((int Start, int End) span)
    {
        string text = _sentence[span.Start..span.End];
        var years = TargetTense.ReadYears(text, _context.Year);
        bool setsGoal = TargetTense.SetsGoal(text) || years.Goal is not null;
        bool reports = years.Past || TargetTense.ReportsResult(text);
        return new Clause(span.Start, span.End, years, TargetTense.ReadYears(text, _context.Year, ownYearIsAhead: true).Goal, setsGoal,
            ParameterWords().IsMatch(text) || (reports && !setsGoal));
    }

    /// <summary>The indicator of one quantity, from the words before its verb or, for a count, the words after its unit.</summary>
    private string Indicator(Clause clause, Quantity quantity, string before, TargetVerb? verb, int verbAt)
    {
        string between = verbAt >= 0 ? before[(verbAt + verb!.Word.Length)..] : before;
        string counted = IndicatorText.Clean(AfterUnit(quantity.End, clause.End));
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

    private PlanTarget Target(Quantity quantity, string indicator, TargetVerb? verb, int? goalYear, decimal? baselineValue, int? baselineYear)
    {
        var comparison = quantity.ValueMax is not null ? TargetComparison.Range
            : SuffixBound(quantity.Suffix) ?? TargetVerb.PrefixBound(_sentence, quantity.Start)
            ?? verb?.Comparison ?? TargetComparison.Exactly;
        var kind = quantity.Unit == "倍" && _sentence.AsSpan(quantity.Start).StartsWith("翻") ? TargetKind.Increase
            : verb?.Kind ?? TargetKind.Level;
        int offset = _context.ParagraphStart + _start;
        return new PlanTarget(indicator, kind, comparison, quantity.Value, quantity.ValueMax, quantity.Unit, goalYear,
            baselineValue, baselineYear, _context.Section, _sentence, offset, offset + quantity.Start, offset + quantity.End);
    }

    /// <summary>
    /// The year a goal is for when its clause states none: the sentence's or paragraph's, the section's, a report's own
    /// year under its plans, a plan's period end under its goals and tasks; none for what recurs (每年新增).
    /// </summary>
    private int? GoalYear()
    {
        if (_sentence.Contains("每年", StringComparison.Ordinal))
            return _years.Goal;
        return _years.Goal ?? _context.ParagraphYear ?? _context.SectionYear
            ?? (_context.Frame is TargetFrame.Goal or TargetFrame.Task or TargetFrame.None ? _context.DocumentYear : null);
    }

    /// <summary>
    /// 交通、水利分别完成投资2500亿元、800亿元 and 一、二、三产增加值分别增长3.5%以上、7%左右、5%以上: one record per
    /// listed item when the items and the values after 分别 pair up; the quantities it reads are marked handled.
    /// </summary>
    private void ReadSeparateList(List<Quantity> quantities, bool[] handled, List<PlanTarget> targets)
    {
        int at = _sentence.IndexOf("分别", StringComparison.Ordinal);
        if (at < 0)
            return;
        int itemsStart = _sentence.LastIndexOfAny(['，', ',', '：', ':', '；'], Math.Max(at - 1, 0)) + 1;
        var items = ListSeparators().Split(IndicatorText.Clean(_sentence[itemsStart..at])).Where(i => i.Length > 0).ToList();
        var values = Enumerable.Range(0, quantities.Count).Where(q => quantities[q].Start > at).ToList();
        if (items.Count < 2 || values.Count < items.Count)
            return;
        // The values follow one another, joined by 、 / 和 only.
        for (int k = 1; k < items.Count; k++)
        {
            string gap = _sentence[quantities[values[k - 1]].End..quantities[values[k]].Start];
            if (gap.Trim('、', '和', '及', ' ').Length > 0)
                return;
        }
        string action = _sentence[(at + 2)..quantities[values[0]].Start];
        var (verb, verbAt) = TargetVerb.Last(action);
        string measured = verbAt >= 0 ? IndicatorText.Clean(action[(verbAt + verb!.Word.Length)..]) : "";
        if (verb is { Builds: true })
            verb = verb with { Builds = false };
        string last = items[^1];
        for (int k = 0; k < items.Count; k++)
        {
            // 一、二、三产增加值: a bare ordinal borrows the last item's tail (一产增加值).
            string item = items[k].Length == 1 && last.Length > 2 ? items[k] + last[1..] : items[k];
            handled[values[k]] = true;
            targets.Add(Target(quantities[values[k]], item + measured, verb, GoalYear(), null, null));
        }
    }

    private static TargetComparison? SuffixBound(string? suffix) => suffix switch
    {
        "以上" or "及以上" => TargetComparison.AtLeast,
        "以下" or "及以下" or "以内" or "之内" => TargetComparison.AtMost,
        "左右" or "上下" => TargetComparison.About,
        _ => null,
    };

    /// <summary>The baseline printed before a goal (由2020年的2.2%提高到2.5%): the previous quantity of the clause after 由 / 从.</summary>
    private (decimal? Value, int? Year) Baseline(List<Quantity> quantities, int q, int clauseStart)
    {
        if (q == 0 || quantities[q - 1].Start < clauseStart)
            return (null, null);
        var previous = quantities[q - 1];
        var frame = BaselineFrame().Match(_sentence[clauseStart..previous.Start]);
        if (!frame.Success)
            return (null, null);
        return (previous.Value, TargetTense.ReadYears(frame.Value, _context.Year).Baseline);
    }

    /// <summary>The thing counted after a verb of building: 培育100家|专精特新企业, up to the clause's end, 等, or the next count of a list.</summary>
    private string AfterUnit(int from, int clauseEnd)
    {
        string rest = _sentence[from..Math.Min(clauseEnd, from + CountedLength)];
        int cut = rest.IndexOfAny(['等', '（', '(']);
        for (int i = 0; i + 1 < rest.Length; i++)
        {
            // 5个国家先进制造业集群和3个…: the next count of a list starts a new thing.
            if (rest[i] is '和' or '及' or '与' && char.IsAsciiDigit(rest[i + 1]) && (cut < 0 || i < cut))
                cut = i;
        }
        return cut >= 0 ? rest[..cut] : rest;
    }
}
