using System.Diagnostics;
using System.Text.Json.Nodes;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Child command <c>side-by-side-uploads --engine NAME --index DIR --corpus FILE --queries FILE --out FILE
/// [--uploads 1000] [--baseline-s 10]</c>: the incremental case. Opens an existing index for writing and uploads
/// documents one at a time as the server does (add, commit, merge in the background), while one thread runs the
/// full pipeline over the peers' queries without pause. Search latency is measured for a while before the uploads
/// (baseline) and during them; each upload's add-and-commit time is measured too. Uploaded documents are corpus
/// documents under new ids, so the index grows by that many.
/// </summary>
internal static class UploadRun
{
    public static void Run(CommandOptions options)
    {
        var variant = EngineVariants.Find(options.Required("engine"));
        int uploads = options.Integer("uploads", 1000);
        double baselineSeconds = options.Number("baseline-s", 10);
        var queries = PeerCorpus.Queries(options.Required("queries"))
            .Select(q => q.Request with { Size = 10, Facets = true, FacetLimit = 10, Highlight = true, GroupByDocument = true }).ToList();
        var documents = PeerCorpus.Load(options.Required("corpus"), out _).Take(uploads)
            .Select((d, i) => d with { Id = $"upload-{i:D5}" }).ToList();

        var open = Stopwatch.StartNew();
        using var writer = variant.Create().OpenWriter(options.Required("index"));
        double openSeconds = open.Elapsed.TotalSeconds;
        int documentsBefore = writer.Snapshot.DocumentCount;

        // Warm-up, then the baseline: the same searching thread, no uploads.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Min(5, baselineSeconds))
            foreach (var q in queries)
                writer.Snapshot.Search(q);
        var baseline = Search(writer, queries, () => warm.Elapsed.TotalSeconds >= 5 + baselineSeconds);

        var commits = new List<double>();
        bool done = false;
        var during = new List<double>();
        var searcher = new Thread(() => during.AddRange(Search(writer, queries, () => Volatile.Read(ref done))));
        searcher.Start();
        var clock = Stopwatch.StartNew();
        foreach (var d in documents)
        {
            long start = Stopwatch.GetTimestamp();
            writer.AddOrUpdate(d);
            writer.Commit();
            writer.MergeInBackground();
            commits.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        double uploadSeconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref done, true);
        searcher.Join();

        var result = new JsonObject
        {
            ["engine"] = variant.Name,
            ["documents_before"] = documentsBefore,
            ["documents_after"] = writer.Snapshot.DocumentCount,
            ["open_s"] = openSeconds,
            ["uploads"] = documents.Count,
            ["upload_s"] = uploadSeconds,
            ["upload_commit"] = LatencyStats.Of(commits),
            ["search_baseline"] = LatencyStats.Of(baseline),
            ["search_during_uploads"] = LatencyStats.Of(during),
            ["peak_working_set_mb"] = ChildProcess.PeakWorkingSetMb(),
        };
        File.WriteAllText(options.Required("out"), result.ToJsonString());
        Console.WriteLine($"  {variant.Name} uploads: {documents.Count} in {uploadSeconds:F1} s, commit p99 {result["upload_commit"]!["p99_ms"]!.GetValue<double>():F1} ms, " +
            $"search p99 {result["search_baseline"]!["p99_ms"]!.GetValue<double>():F1} → {result["search_during_uploads"]!["p99_ms"]!.GetValue<double>():F1} ms");
    }

    /// <summary>Full-pipeline searches on the writer's latest snapshot until <paramref name="stop"/>; milliseconds each.</summary>
    private static List<double> Search(SearchEngine.Search.IIndexWriter writer, List<SearchRequest> queries, Func<bool> stop)
    {
        var samples = new List<double>();
        var random = new Random(7);
        var order = queries.ToArray();
        while (!stop())
        {
            random.Shuffle(order);
            foreach (var q in order)
            {
                long start = Stopwatch.GetTimestamp();
                writer.Snapshot.Search(q);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (stop())
                    break;
            }
        }
        return samples;
    }
}
