using System.Diagnostics;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Command <c>query-profile --engine NAME --index DIR --queries FILE [--mode search|full] [--repeat N] [--only LABEL] [--warmup-s S]</c>: each of
/// the peers' queries alone, N times after one warm-up pass, with its median and slowest milliseconds and hit
/// count, slowest first. A diagnostic for finding which queries make a class's p99, not a benchmark: it runs on
/// whatever machine it is given and its figures are read relative to each other. With <c>--only</c> it runs one
/// query (by its label), for a profiler to watch. Before measuring, every query runs over and over for
/// <c>--warmup-s</c> seconds (default 5), so that the tiered JIT has compiled the search's hot paths: without it
/// the queries measured first run partly unoptimised code and look several times slower than they are.
/// </summary>
internal static class QueryProfile
{
    public static void Run(CommandOptions options)
    {
        var variant = EngineVariants.Find(options.Required("engine"));
        var snapshot = variant.Create().OpenReader(options.Required("index"), out _);
        bool full = options.Text("mode", "full") == "full";
        int repeat = options.Integer("repeat", 20);
        var rows = new List<(string Class, string Label, double Median, double Max, double Cpu, long Hits, long Scored, long Allocated)>();
        var process = Process.GetCurrentProcess();
        string only = options.Text("only", "");
        var queries = PeerCorpus.Queries(options.Required("queries")).Where(q => only.Length == 0 || q.Label == only).ToList();
        var warmUp = Stopwatch.StartNew();
        double warmUpSeconds = options.Number("warmup-s", 5);
        while (warmUp.Elapsed.TotalSeconds < warmUpSeconds)
        {
            foreach (var q in queries)
                snapshot.Search(q.Request with { Size = 10, Facets = full, FacetLimit = 10, Highlight = full, GroupByDocument = full });
        }
        foreach (var q in queries)
        {
            var request = q.Request with { Size = 10, Facets = full, FacetLimit = 10, Highlight = full, GroupByDocument = full };
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var first = snapshot.Search(request);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var samples = new double[repeat];
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            for (int i = 0; i < repeat; i++)
            {
                long start = Stopwatch.GetTimestamp();
                snapshot.Search(request);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / repeat;
            Array.Sort(samples);
            rows.Add((q.Class, q.Label, samples[repeat / 2], samples[^1], cpu, first.Total, first.ScoredSections, allocated));
        }
        // CPU time (the whole process's, which is this thread's plus the GC's) is steadier than wall time on a busy machine.
        Console.WriteLine($"{(full ? "full" : "search")} mode, {snapshot.SectionCount:N0} sections, {repeat} runs each; median / max ms wall, mean ms CPU, hits, sections scored (pruning), KB allocated by one search");
        foreach (var r in rows.OrderByDescending(r => r.Cpu))
            Console.WriteLine($"{r.Median,8:F2} {r.Max,8:F2} {r.Cpu,8:F2} {r.Hits,9:N0} {r.Scored,9:N0} {r.Allocated / 1024,8:N0}  {r.Class,-7} {r.Label}");
        Console.WriteLine($"total CPU per pass over all queries: {rows.Sum(r => r.Cpu):F1} ms");
    }
}
