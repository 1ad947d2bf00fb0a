using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>规划期 — which five-year plan period a document is about: the one its title names, else the one its
/// text names most often (000 names 十三五 for its review of the past and 十四五 far more for its plan).</summary>
public static class PlanningPeriodFinder
{
    private static readonly (string Name, int First)[] Periods =
    [
        ("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026), ("十六五", 2031),
    ];

    /// <summary>The period a name such as 十四五 stands for (2021–2025), or null for a name that is none.</summary>
    public static PlanningPeriod? Named(string name)
    {
        foreach (var (known, first) in Periods)
        {
            if (known == name)
                return new PlanningPeriod(known, first, first + 4);
        }
        return null;
    }

    public static Found<PlanningPeriod>? Find(string text, string? title)
    {
        foreach (var (name, first) in Periods)
        {
            if (title is not null && title.Contains(name, StringComparison.Ordinal))
                return new Found<PlanningPeriod>(new PlanningPeriod(name, first, first + 4), Provenance.Printed,
                    $"title names “{name}”", text.IndexOf(name, StringComparison.Ordinal));
        }
        var counts = Periods
            .Select(p => (p.Name, p.First, Count: Occurrences.Count(text, p.Name)))
            .Where(p => p.Count > 0)
            .OrderByDescending(p => p.Count).ThenByDescending(p => p.First)
            .ToList();
        if (counts.Count == 0)
            return null;
        var best = counts[0];
        return new Found<PlanningPeriod>(new PlanningPeriod(best.Name, best.First, best.First + 4), Provenance.Printed,
            $"text names “{best.Name}” {best.Count} time(s)", text.IndexOf(best.Name, StringComparison.Ordinal));
    }
}
