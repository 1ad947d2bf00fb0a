using System.Text.Json.Nodes;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Count, mean and percentiles of latencies in milliseconds. The percentile is the nearest rank (the smallest
/// sample with at least p% of the samples at or below it), as the Lucene peer computes it, so both columns of
/// the report mean the same thing.
/// </summary>
internal static class LatencyStats
{
    public static JsonObject Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new JsonObject
        {
            ["n"] = sorted.Length,
            ["mean_ms"] = sorted.Length == 0 ? 0 : sorted.Average(),
            ["p50_ms"] = Percentile(sorted, 50),
            ["p95_ms"] = Percentile(sorted, 95),
            ["p99_ms"] = Percentile(sorted, 99),
            ["max_ms"] = sorted.Length == 0 ? 0 : sorted[^1],
        };
    }

    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
            return 0;
        int k = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }
}
