using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SearchEngine.Benchmarks.Relevance;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// <c>side-by-side --corpus FILE --queries QUERIES.tsv --out RAW.json [--engines native,...] [--work DIR]
/// [--index-threads 1,2] [--warmup-s 10] [--measure-s 2] [--qps-s 6] [--relevance true] [--uploads 0]
/// [--uploads-baseline-s 10]</c>: for each engine of <see cref="EngineVariants"/>, indexing with each thread count,
/// the query measurement and, with <c>--uploads N</c> above 0, the incremental case (<see cref="UploadRun"/>: N
/// uploads into the queried index while a thread searches; last, because it grows the index), each in a child
/// process of its own (see <see cref="ChildProcess"/>), and nDCG@10 on the judged set; everything goes into one
/// raw JSON file that benchmarks/side-by-side/report.py turns into a table beside the Lucene peer's figures.
/// </summary>
internal static class SideBySideCommand
{
    public static void Run(CommandOptions options)
    {
        string corpus = Path.GetFullPath(options.Required("corpus"));
        string queries = Path.GetFullPath(options.Required("queries"));
        string work = Path.GetFullPath(options.Text("work", Path.Combine(Path.GetTempPath(), "se-side-by-side")));
        var engines = options.List("engines", string.Join(',', EngineVariants.All.Select(e => e.Name))).Select(EngineVariants.Find).ToList();
        var threadCounts = options.List("index-threads", "1,2").Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToList();
        int uploads = options.Integer("uploads", 0);

        var results = new JsonArray();
        foreach (var engine in engines)
        {
            Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {engine.Name}");
            string folder = Path.Combine(work, engine.Name);
            Directory.CreateDirectory(folder);
            var indexing = new JsonArray();
            string queried = "";
            foreach (int threads in threadCounts)
            {
                string index = Path.Combine(folder, $"index_t{threads}");
                string part = Path.Combine(folder, $"index_t{threads}.json");
                bool last = threads == threadCounts[^1];
                ChildProcess.Run(["side-by-side-index", "--engine", engine.Name, "--corpus", corpus, "--index", index,
                    "--threads", threads.ToString(CultureInfo.InvariantCulture), "--force-merge", last ? "true" : "false", "--out", part], cores: threads);
                indexing.Add(JsonNode.Parse(File.ReadAllText(part)));
                if (last)
                    queried = index;
                else
                    Directory.Delete(index, recursive: true);
            }
            string queryPart = Path.Combine(folder, "query.json");
            ChildProcess.Run(["side-by-side-query", "--engine", engine.Name, "--index", queried, "--queries", queries,
                "--warmup-s", options.Text("warmup-s", "10"), "--measure-s", options.Text("measure-s", "2"), "--qps-s", options.Text("qps-s", "6"), "--out", queryPart],
                cores: Environment.ProcessorCount);
            var entry = new JsonObject
            {
                ["engine"] = engine.Name,
                ["threading"] = engine.Threading,
                ["concurrent_adds"] = engine.ConcurrentAdds,
                ["indexing"] = indexing,
                ["query"] = JsonNode.Parse(File.ReadAllText(queryPart)),
            };
            if (uploads > 0)
            {
                string uploadPart = Path.Combine(folder, "uploads.json");
                ChildProcess.Run(["side-by-side-uploads", "--engine", engine.Name, "--index", queried, "--corpus", corpus, "--queries", queries,
                    "--uploads", uploads.ToString(CultureInfo.InvariantCulture), "--baseline-s", options.Text("uploads-baseline-s", "10"), "--out", uploadPart],
                    cores: Environment.ProcessorCount);
                entry["uploads"] = JsonNode.Parse(File.ReadAllText(uploadPart));
            }
            if (options.Text("relevance", "true") == "true")
            {
                // The judged set needs ../shared/realdocs; without it the timings are still worth writing.
                try
                {
                    entry["ndcg10"] = RelevanceCommand.MeanNdcg(engine);
                }
                catch (DirectoryNotFoundException e)
                {
                    Console.WriteLine($"  no nDCG@10 for {engine.Name}: {e.Message}");
                }
            }
            results.Add(entry);
            Directory.Delete(queried, recursive: true);
        }

        var raw = new JsonObject
        {
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["os"] = RuntimeInformation.OSDescription,
            ["cores"] = Environment.ProcessorCount,
            ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["corpus"] = Path.GetFileName(corpus),
            ["engines"] = results,
        };
        File.WriteAllText(options.Required("out"), raw.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }
}
