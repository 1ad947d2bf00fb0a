namespace SearchEngine.Core.Targets;

/// <summary>
/// The verb that ties an indicator to its value (达到, 增长, 下降, 控制在, 培育 …): it gives the target's kind, may
/// bound it (突破 = at least, 控制在 = at most) and, for verbs of building (培育100家专精特新企业), puts the indicator
/// after the number instead of before the verb.
/// </summary>
/// <param name="Word">The verb as printed.</param>
/// <param name="Kind">What the value measures.</param>
/// <param name="Comparison">The bound the verb itself implies, or <see cref="TargetComparison.Exactly"/>.</param>
/// <param name="Builds">True for 新增, 培育, 建设 …: the thing counted follows the number.</param>
internal sealed record TargetVerb(string Word, TargetKind Kind, TargetComparison Comparison, bool Builds)
{
    private static readonly TargetVerb[] All = Build();

    /// <summary>The verbs by their first character, longest first: a position is tried against a few, not all.</summary>
    private static readonly Dictionary<char, TargetVerb[]> ByFirst = All.GroupBy(v => v.Word[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>The last verb in <paramref name="text"/> (the one nearest the number), and where it starts.</summary>
    public static (TargetVerb? Verb, int At) Last(string text)
    {
        for (int at = text.Length - 1; at >= 0; at--)
        {
            if (!ByFirst.TryGetValue(text[at], out var starting))
                continue;
            foreach (var verb in starting)
            {
                if (verb.Word.Length <= text.Length - at && string.CompareOrdinal(text, at, verb.Word, 0, verb.Word.Length) == 0)
                {
                    // A longer verb starting here was tried first (All is longest first); one starting a little
                    // earlier may cover this one (不低于 over 低于, 不超过 over 超过).
                    for (int back = 1; back <= 2 && at - back >= 0; back++)
                    {
                        var covering = ByFirst.GetValueOrDefault(text[at - back], []).FirstOrDefault(v => v.Word.Length >= verb.Word.Length + back
                            && v.Word.Length <= text.Length - (at - back)
                            && string.CompareOrdinal(text, at - back, v.Word, 0, v.Word.Length) == 0);
                        if (covering is not null)
                            return (covering, at - back);
                    }
                    return (verb, at);
                }
            }
        }
        return (null, -1);
    }

    /// <summary>Verbs that move a value to a level (提高到, 降至, 控制在): they state a goal even in a notice.</summary>
    public static bool SetsLevel(string sentence) => ToLevel.Any(w => sentence.Contains(w, StringComparison.Ordinal));

    private static readonly string[] ToLevel =
        ["提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "扩大到", "扩大至", "降低到", "降低至", "下降到", "下降至", "降到", "降至", "控制在"];

    /// <summary>The same word as a verb of building: 突破 in 突破关键核心技术20项 counts technologies, it bounds nothing.</summary>
    public TargetVerb AsBuilding() => new(Word, TargetKind.Level, TargetComparison.Exactly, Builds: true);

    /// <summary>True when words stand between the verb and the number (beyond 约, 超, 了, 为): the verb acts on them.</summary>
    public bool ActsOnWords(string before, int verbAt) => !ChangesValue(before, verbAt);

    /// <summary>
    /// True when the verb ends right before the number (增长6%, 下降13.5%, 提高约2个百分点): a change verb with
    /// words between (提升老旧厂房40处) acts on those words, and the number counts them.
    /// </summary>
    public bool ChangesValue(string before, int verbAt)
    {
        if (Builds)
            return true;
        var gap = before.AsSpan(verbAt + Word.Length).Trim();
        foreach (var (prefix, _) in Prefixes)
        {
            if (gap.SequenceEqual(prefix))
                return true;
        }
        return gap.IsEmpty || gap.SequenceEqual("了") || gap.SequenceEqual("为");
    }

    /// <summary>Prefixes right before a number that bound it: 约 5%, 超 100亿元, 近 2万家.</summary>
    public static TargetComparison? PrefixBound(string text, int numberAt)
    {
        foreach (var (word, comparison) in Prefixes)
        {
            if (numberAt >= word.Length && string.CompareOrdinal(text, numberAt - word.Length, word, 0, word.Length) == 0)
                return comparison;
        }
        return null;
    }

    private static readonly (string Word, TargetComparison Comparison)[] Prefixes =
    [
        ("大约", TargetComparison.About), ("约", TargetComparison.About), ("接近", TargetComparison.About), ("近", TargetComparison.About),
        ("逾", TargetComparison.AtLeast), ("超", TargetComparison.AtLeast), ("至少", TargetComparison.AtLeast),
        ("≥", TargetComparison.AtLeast), ("≤", TargetComparison.AtMost), ("＞", TargetComparison.AtLeast), ("＜", TargetComparison.AtMost),
    ];

    private static TargetVerb[] Build()
    {
        var verbs = new List<TargetVerb>();
        void Add(TargetKind kind, TargetComparison comparison, bool builds, params string[] words) =>
            verbs.AddRange(words.Select(w => new TargetVerb(w, kind, comparison, builds)));
        Add(TargetKind.Level, TargetComparison.Exactly, false,
            "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至", "增至",
            "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "降到", "降至", "压减到", "压减至",
            "达到", "达", "保持在", "稳定在", "维持在");
        Add(TargetKind.Level, TargetComparison.AtLeast, false, "突破", "超过", "超出", "不低于", "不少于", "高于", "多于", "至少", "超");
        Add(TargetKind.Level, TargetComparison.AtMost, false, "控制在", "不超过", "不高于", "低于", "少于");
        Add(TargetKind.Increase, TargetComparison.Exactly, false, "增长", "提高", "提升", "增加", "扩大", "上升", "增速为", "增速", "增幅", "翻");
        Add(TargetKind.Decrease, TargetComparison.Exactly, false, "下降", "降低", "减少", "压减", "压降", "削减", "缩小", "缩减", "降");
        Add(TargetKind.Level, TargetComparison.Exactly, true,
            "新增", "培育", "建设", "建成", "打造", "创建", "引进", "招引", "认定", "建立", "组建", "培养", "新建", "改造",
            "开工", "实施", "推广", "布局", "攻克", "形成", "集聚", "聚集", "吸引", "带动", "落地", "入选", "获批", "争创",
            "新认定", "引育", "孵化", "举办", "开展", "完成");
        return [.. verbs.OrderByDescending(v => v.Word.Length)];
    }
}
