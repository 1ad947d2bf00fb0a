namespace SearchEngine.Core.Targets;

/// <summary>
/// 规划目标 — one quantified goal a document sets: 到2025年，战略性新兴产业增加值占地区生产总值比重达到15%以上 gives
/// indicator 战略性新兴产业增加值占地区生产总值比重, <see cref="TargetKind.Level"/>, <see cref="TargetComparison.AtLeast"/>,
/// 15, %, 2025. Offsets are into the section's body text (what the index stores as the section's text).
/// </summary>
/// <param name="Indicator">指标 — the measured thing as printed, framing words (力争, 到2025年, 全省) removed.</param>
/// <param name="Kind">Whether the value is a level to reach or a change (growth, decline) to make.</param>
/// <param name="Comparison">以上 / 以内 / 左右 / a range / nothing.</param>
/// <param name="Value">The number as printed; a range's low end. Multipliers stay in the unit (1.2 万亿元).</param>
/// <param name="ValueMax">A range's high end (5%—6% gives 5 and 6); otherwise null.</param>
/// <param name="Unit">The unit as printed after the number (%, 个百分点, 家, 亿元, 倍), full-width ％ folded to %.</param>
/// <param name="Year">目标年 — the year the text states for the goal (到2025年, 今年 of a 2025 report, 十四五末); null when none is stated.</param>
/// <param name="BaselineValue">基数 — the starting value when printed (由2020年的2.2%提高到2.5% gives 2.2).</param>
/// <param name="BaselineYear">The baseline's year when printed.</param>
/// <param name="Section">Index of the section in document order.</param>
/// <param name="Sentence">The sentence that sets the goal, as printed.</param>
/// <param name="SentenceStart">Offset of the sentence in the section's body text.</param>
/// <param name="ValueStart">Offset of the quantity (number, unit and qualifier) in the section's body text.</param>
/// <param name="ValueEnd">Offset just past the quantity.</param>
public sealed record PlanTarget(
    string Indicator,
    TargetKind Kind,
    TargetComparison Comparison,
    decimal Value,
    decimal? ValueMax,
    string Unit,
    int? Year,
    decimal? BaselineValue,
    int? BaselineYear,
    int Section,
    string Sentence,
    int SentenceStart,
    int ValueStart,
    int ValueEnd)
{
    /// <summary>Offset just past the sentence in the section's body text.</summary>
    public int SentenceEnd => SentenceStart + Sentence.Length;
}

/// <summary>What a target's value measures.</summary>
public enum TargetKind
{
    /// <summary>A level to reach or hold: 达到15%, 达412家, 建成10个, 控制在5%以内.</summary>
    Level,

    /// <summary>A growth: 增长6%, 提高2个百分点, 翻一番.</summary>
    Increase,

    /// <summary>A decline: 下降13.5%, 降低10%.</summary>
    Decrease,
}

/// <summary>How the value bounds the goal.</summary>
public enum TargetComparison
{
    /// <summary>No qualifier: 达到15%.</summary>
    Exactly,

    /// <summary>以上, 不低于, 超过, 突破, 至少.</summary>
    AtLeast,

    /// <summary>以下, 以内, 不超过, 控制在…以内.</summary>
    AtMost,

    /// <summary>左右, 约, 上下.</summary>
    About,

    /// <summary>5%—6%: <see cref="PlanTarget.Value"/> to <see cref="PlanTarget.ValueMax"/>.</summary>
    Range,
}
