using System.Diagnostics;
using System.Text.Json.Nodes;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Child command <c>side-by-side-query</c>: opens one engine's index read-only and measures the peers' 64 queries
/// in two modes — <i>search</i> (top 10 sections, no facets, no snippets, as the peer's search mode) and
/// <i>full</i> (top 10 documents grouped, facet counts, highlighted snippets: what the page asks for). After a
/// warm-up, each query class runs alone for a fixed time per mode (latency percentiles by class), then the
/// full pipeline runs all classes shuffled on 1 and 2 threads (QPS).
/// </summary>
internal static class QueryRun
{
    private const int MinimumPasses = 3;

    public static void Run(CommandOptions options)
    {
        var variant = EngineVariants.Find(options.Required("engine"));
        double warmUpSeconds = options.Number("warmup-s", 10);
        double measureSeconds = options.Number("measure-s", 2);
        double qpsSeconds = options.Number("qps-s", 6);
        var queries = PeerCorpus.Queries(options.Required("queries"));
        var open = Stopwatch.StartNew();
        var snapshot = variant.Create().OpenReader(options.Required("index"), out _);
        double openSeconds = open.Elapsed.TotalSeconds;
        long openWorkingSet = Environment.WorkingSet;

        // FacetLimit 10: the peer asks Lucene for the top 10 values of each facet.
        var modes = new Dictionary<string, List<BenchQuery>>
        {
            ["search"] = [.. queries.Select(q => new BenchQuery(q.Class, q.Label, q.Request with { Size = 10, Facets = false, Highlight = false, GroupByDocument = false }))],
            ["full"] = [.. queries.Select(q => new BenchQuery(q.Class, q.Label, q.Request with { Size = 10, Facets = true, FacetLimit = 10, Highlight = true, GroupByDocument = true }))],
        };

        var perQuery = new JsonArray();
        foreach (var q in modes["search"])
        {
            var r = snapshot.Search(q.Request);
            perQuery.Add(new JsonObject { ["class"] = q.Class, ["query"] = q.Label, ["total_hits"] = r.Total, ["total_documents"] = r.TotalDocuments });
        }

        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < warmUpSeconds)
            foreach (var list in modes.Values)
                foreach (var q in list)
                    snapshot.Search(q.Request);

        var latency = new JsonObject();
        foreach (var (mode, list) in modes)
        {
            var byClass = new JsonObject();
            var all = new List<double>();
            foreach (var (group, index) in list.GroupBy(q => q.Class).Select((g, i) => (g, i)))
            {
                var samples = TimeFor(snapshot, [.. group], measureSeconds, seed: index);
                all.AddRange(samples);
                byClass[group.Key] = LatencyStats.Of(samples);
            }
            latency[mode] = new JsonObject { ["all"] = LatencyStats.Of(all), ["by_class"] = byClass };
        }

        var throughput = new JsonArray();
        foreach (int threads in new[] { 1, 2 })
            throughput.Add(Throughput(snapshot, modes["full"], qpsSeconds, threads));
        // Resident memory while serving: the working set right after the 2-thread QPS run (mapped index pages the
        // queries touched count in it, as they do in the JVM's RSS), and the managed heap within it.
        long servingWorkingSet = Environment.WorkingSet;
        long managedHeap = GC.GetTotalMemory(forceFullCollection: false);
        var composition = ResidentMemory.Composition();

        var result = new JsonObject
        {
            ["engine"] = variant.Name,
            ["sections_indexed"] = snapshot.SectionCount,
            ["documents_indexed"] = snapshot.DocumentCount,
            ["queries"] = queries.Count,
            ["warmup_s"] = warmUpSeconds,
            ["measure_s_per_class"] = measureSeconds,
            ["qps_s"] = qpsSeconds,
            ["latency"] = latency,
            ["throughput_full"] = throughput,
            ["per_query"] = perQuery,
            ["open_s"] = openSeconds,
            ["open_working_set_mb"] = openWorkingSet / 1e6,
            ["serving_working_set_mb"] = servingWorkingSet / 1e6,
            ["serving_managed_heap_mb"] = managedHeap / 1e6,
            ["serving_composition"] = composition,
            ["peak_working_set_mb"] = ChildProcess.PeakWorkingSetMb(),
        };
        File.WriteAllText(options.Required("out"), result.ToJsonString());
        Console.WriteLine($"  {variant.Name} queries: full p50 {latency["full"]!["all"]!["p50_ms"]!.GetValue<double>():F2} ms, 2-thread QPS {throughput[1]!["qps"]!.GetValue<double>():F0}");
    }

    /// <summary>One thread runs the queries in shuffled passes until the time is up (at least three passes); milliseconds per execution.</summary>
    private static List<double> TimeFor(IIndexSnapshot snapshot, List<BenchQuery> queries, double seconds, int seed)
    {
        var random = new Random(seed);
        var order = queries.ToArray();
        var samples = new List<double>();
        var clock = Stopwatch.StartNew();
        for (int pass = 0; pass < MinimumPasses || clock.Elapsed.TotalSeconds < seconds; pass++)
        {
            random.Shuffle(order);
            foreach (var q in order)
            {
                long start = Stopwatch.GetTimestamp();
                snapshot.Search(q.Request);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        return samples;
    }

    /// <summary>Executions per second of wall time with <paramref name="threads"/> threads searching at once, each in its own shuffled order.</summary>
    private static JsonObject Throughput(IIndexSnapshot snapshot, List<BenchQuery> queries, double seconds, int threads)
    {
        var samples = new List<double>[threads];
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            samples[t] = TimeFor(snapshot, queries, seconds, seed: 1000 + t);
        })).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var clock = Stopwatch.StartNew();
        workers.ForEach(w => w.Join());
        double wall = clock.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).ToList();
        return new JsonObject { ["threads"] = threads, ["wall_s"] = wall, ["executions"] = all.Count, ["qps"] = all.Count / wall, ["all"] = LatencyStats.Of(all) };
    }

    private sealed record BenchQuery(string Class, string Label, SearchRequest Request);
}
