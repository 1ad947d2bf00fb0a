namespace SearchEngine.Core.Documents;

/// <summary>规划期 — a five-year plan period such as 十四五 (2021–2025).</summary>
public sealed record PlanningPeriod(string Name, int FirstYear, int LastYear);
