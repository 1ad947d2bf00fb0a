using System.Diagnostics;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Command <c>query-profile --engine NAME --index DIR --queries FILE [--mode search|full] [--repeat N]</c>: each of
/// the peers' queries alone, N times after one warm-up pass, with its median and slowest milliseconds and hit
/// count, slowest first. A diagnostic for finding which queries make a class's p99, not a benchmark: it runs on
/// whatever machine it is given and its figures are read relative to each other.
/// </summary>
internal static class QueryProfile
{
    public static void Run(CommandOptions options)
    {
        var variant = EngineVariants.Find(options.Required("engine"));
        var snapshot = variant.Create().OpenReader(options.Required("index"), out _);
        bool full = options.Text("mode", "full") == "full";
        int repeat = options.Integer("repeat", 20);
        var rows = new List<(string Class, string Label, double Median, double Max, long Hits)>();
        foreach (var q in PeerCorpus.Queries(options.Required("queries")))
        {
            var request = q.Request with { Size = 10, Facets = full, FacetLimit = 10, Highlight = full, GroupByDocument = full };
            long hits = snapshot.Search(request).Total;
            var samples = new double[repeat];
            for (int i = 0; i < repeat; i++)
            {
                long start = Stopwatch.GetTimestamp();
                snapshot.Search(request);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(samples);
            rows.Add((q.Class, q.Label, samples[repeat / 2], samples[^1], hits));
        }
        Console.WriteLine($"{(full ? "full" : "search")} mode, {snapshot.SectionCount:N0} sections, {repeat} runs each; median / max ms, hits");
        foreach (var r in rows.OrderByDescending(r => r.Median))
            Console.WriteLine($"{r.Median,8:F2} {r.Max,8:F2} {r.Hits,9:N0}  {r.Class,-7} {r.Label}");
    }
}
