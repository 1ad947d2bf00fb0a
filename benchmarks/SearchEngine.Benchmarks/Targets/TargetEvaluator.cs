using SearchEngine.Core.Targets;

namespace SearchEngine.Benchmarks.Targets;

/// <summary>
/// Scores extracted targets against the judged sample. A judged sentence is found when a target's sentence is it
/// (or contains it, or lies in it: the two split at the same marks, but a run-in heading may join); sentence
/// precision and recall count judged sentences. A record matches a judged one of its sentence with the same value,
/// range end and unit and an indicator naming the same thing (one contains the other, or they share most
/// characters); record precision is over the records extracted from judged sentences, recall over the judged
/// records. Kind, comparison and year are scored on the matched records.
/// </summary>
internal static class TargetEvaluator
{
    /// <summary>Share of characters two indicators must have in common when neither contains the other.</summary>
    private const double IndicatorOverlap = 0.6;

    public static TargetScore Score(TargetSample sample, Func<JudgedSentence, IReadOnlyList<PlanTarget>?> extracted)
    {
        var outcomes = new List<SentenceOutcome>();
        foreach (var judged in sample.Sentences)
        {
            var all = extracted(judged);
            var mine = all is null ? [] : all.Where(t => t.Section == judged.Section && SameSentence(t.Sentence, judged.Sentence)).ToList();
            var unmatched = mine.ToList();
            var pairs = new List<(JudgedTarget Judged, PlanTarget Found)>();
            var missed = new List<JudgedTarget>();
            foreach (var want in judged.Targets)
            {
                var hit = unmatched.FirstOrDefault(t => Matches(want, t));
                if (hit is null)
                {
                    missed.Add(want);
                    continue;
                }
                unmatched.Remove(hit);
                pairs.Add((want, hit));
            }
            outcomes.Add(new SentenceOutcome(judged, all is not null, mine, pairs, missed, unmatched));
        }
        return new TargetScore(outcomes);
    }

    private static bool SameSentence(string found, string judged)
    {
        string a = found.Trim(), b = judged.Trim();
        return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);
    }

    public static bool Matches(JudgedTarget want, PlanTarget found) =>
        want.Value == found.Value && want.ValueMax == found.ValueMax && Unit(want.Unit) == Unit(found.Unit)
        && SameIndicator(want.Indicator, found.Indicator);

    private static string Unit(string unit) => unit.Replace('％', '%');

    public static bool SameIndicator(string judged, string found)
    {
        string a = Plain(judged), b = Plain(found);
        if (a.Length == 0 || b.Length == 0)
            return false;
        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
            return true;
        var left = a.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        int common = 0;
        foreach (char c in b)
        {
            if (left.TryGetValue(c, out int n) && n > 0)
            {
                left[c] = n - 1;
                common++;
            }
        }
        return 2.0 * common / (a.Length + b.Length) >= IndicatorOverlap;
    }

    private static string Plain(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c) && c is not ('“' or '”' or '"' or '‘' or '’'))]);

    /// <summary>A kind as the judged samples spell it (level, increase, decrease).</summary>
    public static string KindName(TargetKind kind) => SampleName(kind);

    /// <summary>A comparison as the judged samples spell it (exactly, at_least, at_most, about, range).</summary>
    public static string ComparisonName(TargetComparison comparison) => SampleName(comparison);

    private static string SampleName<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>What the extractor did with one judged sentence.</summary>
/// <param name="Judged">The judged sentence.</param>
/// <param name="Read">False when the sentence's file could not be read (counted as found nothing).</param>
/// <param name="Found">The targets extracted from this sentence.</param>
/// <param name="Matched">Judged records with the extracted record that matches each.</param>
/// <param name="Missed">Judged records nothing extracted matches.</param>
/// <param name="Extra">Extracted records no judged record matches.</param>
internal sealed record SentenceOutcome(
    JudgedSentence Judged, bool Read, IReadOnlyList<PlanTarget> Found,
    IReadOnlyList<(JudgedTarget Judged, PlanTarget Found)> Matched, IReadOnlyList<JudgedTarget> Missed, IReadOnlyList<PlanTarget> Extra)
{
    public bool FoundGoal => Found.Count > 0;
}

/// <summary>Precision and recall over a scored sample.</summary>
internal sealed record TargetScore(IReadOnlyList<SentenceOutcome> Outcomes)
{
    public int TruePositiveSentences => Outcomes.Count(o => o.Judged.IsTarget && o.FoundGoal);
    public int FalsePositiveSentences => Outcomes.Count(o => !o.Judged.IsTarget && o.FoundGoal);
    public int FalseNegativeSentences => Outcomes.Count(o => o.Judged.IsTarget && !o.FoundGoal);
    public double SentencePrecision => Ratio(TruePositiveSentences, TruePositiveSentences + FalsePositiveSentences);
    public double SentenceRecall => Ratio(TruePositiveSentences, TruePositiveSentences + FalseNegativeSentences);

    public int JudgedRecords => Outcomes.Sum(o => o.Judged.Targets.Count);
    public int FoundRecords => Outcomes.Sum(o => o.Found.Count);
    public int MatchedRecords => Outcomes.Sum(o => o.Matched.Count);
    public double RecordPrecision => Ratio(MatchedRecords, FoundRecords);
    public double RecordRecall => Ratio(MatchedRecords, JudgedRecords);

    private IEnumerable<(JudgedTarget Judged, PlanTarget Found)> Pairs => Outcomes.SelectMany(o => o.Matched);
    public double KindAccuracy => Ratio(Pairs.Count(p => p.Judged.Kind == TargetEvaluator.KindName(p.Found.Kind)), MatchedRecords);
    public double ComparisonAccuracy => Ratio(Pairs.Count(p => p.Judged.Comparison == TargetEvaluator.ComparisonName(p.Found.Comparison)), MatchedRecords);
    public double YearAccuracy => Ratio(Pairs.Count(p => p.Judged.Year == p.Found.Year), MatchedRecords);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
