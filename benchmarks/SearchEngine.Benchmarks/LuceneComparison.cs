using System.Diagnostics;
using System.Globalization;
using System.Text;
using SearchEngine.Core.Analysis;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks;

/// <summary>
/// The side-by-side run against the Lucene peer on the same corpus and 64 queries: indexing MB/s, index size,
/// and latency percentiles for search only and for the full pipeline (top 10 + facets + highlighted snippets),
/// one thread and two. Writes benchmarks/results/lucene-comparison.md. Run with
/// dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- lucene-comparison /tmp/corpus_10000.jsonl ../shared/peers benchmarks/results/lucene-comparison.md
/// </summary>
internal static class LuceneComparison
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Run(string corpus, string peers, string output, double measureSeconds = 6)
    {
        var md = new StringBuilder();
        var documents = PeerCorpus.Load(corpus, out long textBytes);
        int sections = documents.Sum(d => d.Sections.Count);
        int documentCount = documents.Count;
        string folder = Path.Combine(Path.GetTempPath(), "se-lucene-comparison");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        _ = ChineseAnalyzer.Default; // dictionary load is not indexing

        var clock = Stopwatch.StartNew();
        using (var writer = IndexWriter.Open(folder, options: new IndexWriterOptions { FlushTextBytes = long.MaxValue }))
        {
            foreach (var d in documents)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        double indexSeconds = clock.Elapsed.TotalSeconds;
        long indexBytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
        // Indexing leaves a large heap behind; measure queries on a clean one, as a separate search process would.
        documents = [];
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var snapshot = SearchEngine.Index.IndexReader.OpenSnapshot(folder);
        var searcher = new IndexSearcher(snapshot);
        var queries = PeerCorpus.Queries(Path.Combine(peers, "lucene", "queries.tsv"));
        var lucene = LuceneHits(Path.Combine(peers, "results", "raw", $"query_{documentCount}.tsv"));

        md.AppendLine("# Side by side with Apache Lucene 8.8 + SmartChineseAnalyzer");
        md.AppendLine();
        md.AppendLine(Invariant, $"Corpus: `{Path.GetFileName(corpus)}` from `../shared/peers/corpus/scale.py` ({documentCount:N0} documents, {sections:N0} sections, {textBytes / 1e6:F2} MB indexed text = title + heading + body per section). Machine: 2 vCPUs (AMD EPYC), 24 GiB, Debian 12, .NET {Environment.Version}. Lucene's figures are the peer's (`../shared/peers/results/`), measured on this machine.");
        md.AppendLine();
        md.AppendLine("## Indexing");
        md.AppendLine();
        md.AppendLine("| engine | time | MB/s | index size | size / text |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine(Invariant, $"| ours, 1 thread (analysis with sub-words, one segment, commit) | {indexSeconds:F1} s | {textBytes / 1e6 / indexSeconds:F2} | {indexBytes / 1e6:F1} MB | {(double)indexBytes / textBytes:F2} |");
        md.AppendLine("| Lucene, 2 threads, fresh JVM (peer) | 25.8 s | 3.44 | 89.0 MB | 1.00 |");
        md.AppendLine("| Lucene, 2 threads, warm JVM (peer) | 18.0 s | 4.92 | 89.2 MB | 1.00 |");
        md.AppendLine();

        // Warm up, then measure the modes interleaved.
        var search = queries.Select(q => q with { Request = q.Request with { Facets = false, Highlight = false } }).ToList();
        var full = queries.Select(q => q with { Request = q.Request with { Facets = true, Highlight = true } }).ToList();
        Measure(searcher, full, 5);
        Measure(searcher, search, 2);
        var searchTimes = Measure(searcher, search, measureSeconds);
        var fullTimes = Measure(searcher, full, measureSeconds);
        var (twoThreadQps, twoThreadP99) = MeasureParallel(searcher, full, measureSeconds, 2);

        md.AppendLine("## Queries (64, seven classes; milliseconds)");
        md.AppendLine();
        md.AppendLine("*search* = parse + top 10 + stored fields; *full* = search + facet counts over all hits + highlighted snippets of the top 10. Ours computes five facets (issuer, year, industry, region, type) with distinct-document counting; Lucene two (issuer, year) counting sections.");
        md.AppendLine();
        md.AppendLine("| mode | ours p50 / p95 / p99 | ours QPS | Lucene p50 / p95 / p99 | Lucene QPS |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine(Invariant, $"| search, 1 thread | {Percentiles(searchTimes)} | {Qps(searchTimes):F0} | 1.35 / 2.91 / 6.28 | 653 |");
        md.AppendLine(Invariant, $"| full, 1 thread | {Percentiles(fullTimes)} | {Qps(fullTimes):F0} | 2.74 / 5.53 / 8.37 | 331 |");
        md.AppendLine(Invariant, $"| full, 2 threads | p99 {twoThreadP99:F2} | {twoThreadQps:F0} | p99 8.4 | 648 |");
        md.AppendLine();
        md.AppendLine("By class, full pipeline, 1 thread (p50 / p95 / p99 ms):");
        md.AppendLine();
        md.AppendLine("| class | ours | Lucene (peer, 10k) |");
        md.AppendLine("|---|---|---|");
        var luceneClasses = new Dictionary<string, string>
        {
            ["term"] = "2.38 / 3.06 / 3.20", ["and"] = "2.61 / 3.16 / 3.31", ["phrase"] = "3.48 / 7.85 / 8.05", ["common"] = "4.07 / 8.47 / 9.35",
            ["filter"] = "2.06 / 3.36 / 3.69", ["or"] = "2.29 / 3.26 / 4.85", ["long"] = "3.74 / 5.24 / 6.48",
        };
        foreach (var group in fullTimes.GroupBy(t => t.Class))
            md.AppendLine(Invariant, $"| {group.Key} | {Percentiles([.. group])} | {(documentCount == 10000 ? luceneClasses.GetValueOrDefault(group.Key, "") : "")} |");
        md.AppendLine();
        md.AppendLine("## Hit counts per query");
        md.AppendLine();
        md.AppendLine("Matching sections. The analyzers differ, so the counts differ: smartcn cuts 氢能 into 氢 + 能 and ANDs the pieces, so it also matches sections with 氢 and 能 apart; ours matches the word, its synonyms (氢能 ~ 氢燃料电池) and the word inside longer words.");
        md.AppendLine();
        md.AppendLine("| class | query | ours | Lucene | ours p50 full ms |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var (cls, label, request) in queries)
        {
            var result = searcher.Search(request);
            var p50 = fullTimes.Where(t => t.Label == label).Select(t => t.Ms).Order().ToList();
            md.AppendLine(Invariant, $"| {cls} | {label.Replace("|", "\\|", StringComparison.Ordinal)} | {result.Total:N0} | {lucene.GetValueOrDefault(label, "")} | {(p50.Count > 0 ? p50[p50.Count / 2] : 0):F2} |");
        }
        File.WriteAllText(output, md.ToString());
        Console.WriteLine(md.ToString());
    }

    private sealed record Timing(string Class, string Label, double Ms);

    private static List<Timing> Measure(IndexSearcher searcher, List<(string Class, string Label, SearchRequest Request)> queries, double seconds)
    {
        var times = new List<Timing>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            foreach (var (cls, label, request) in queries)
            {
                long start = Stopwatch.GetTimestamp();
                searcher.Search(request);
                times.Add(new Timing(cls, label, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }
        }
        return times;
    }

    private static (double Qps, double P99) MeasureParallel(IndexSearcher searcher, List<(string Class, string Label, SearchRequest Request)> queries, double seconds, int threads)
    {
        var all = new List<Timing>[threads];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, t => all[t] = Measure(searcher, [.. queries.Skip(t * 7), .. queries.Take(t * 7)], seconds));
        double elapsed = clock.Elapsed.TotalSeconds;
        var merged = all.SelectMany(x => x).Select(x => x.Ms).Order().ToList();
        return (merged.Count / elapsed, merged[(int)(merged.Count * 0.99)]);
    }

    private static string Percentiles(List<Timing> times)
    {
        var ms = times.Select(t => t.Ms).Order().ToList();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)(ms.Count * q))];
        return string.Create(Invariant, $"{P(0.5):F2} / {P(0.95):F2} / {P(0.99):F2}");
    }

    private static double Qps(List<Timing> times) => times.Count / (times.Sum(t => t.Ms) / 1000);

    /// <summary>Lucene's hit count per query label from the peer's per-query TSV.</summary>
    private static Dictionary<string, string> LuceneHits(string path)
    {
        if (!File.Exists(path))
            return [];
        return File.ReadLines(path).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length > 2)
            .GroupBy(p => p[1]).ToDictionary(g => g.Key, g => long.Parse(g.First()[2], Invariant).ToString("N0", Invariant));
    }
}
