using System.Diagnostics;
using System.Text.Json.Nodes;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Child command <c>side-by-side-index</c>: indexes the peers' corpus with one engine through the engine contract
/// and writes what it measured as JSON. The clock runs from opening the writer to the end of the commit (what a
/// batch indexer waits for); loading and parsing the JSON Lines is not indexing and is reported apart, as the
/// Lucene peer does. A small throw-away index first loads dictionaries and warms the JIT.
/// </summary>
internal static class IndexingRun
{
    /// <summary>Documents indexed into a throw-away folder before the clock starts.</summary>
    private const int WarmUpDocuments = 500;

    public static void Run(CommandOptions options)
    {
        var variant = EngineVariants.Find(options.Required("engine"));
        string corpus = options.Required("corpus");
        string folder = options.Required("index");
        int threads = options.Integer("threads", 1);
        bool merge = options.Text("force-merge", "false") == "true";

        var load = Stopwatch.StartNew();
        var documents = PeerCorpus.Load(corpus, out long textBytes);
        double loadSeconds = load.Elapsed.TotalSeconds;
        var engine = variant.Create();

        string warmFolder = folder + ".warmup";
        DeleteFolder(warmFolder);
        using (var warm = engine.OpenWriter(warmFolder))
        {
            foreach (var d in documents.Take(WarmUpDocuments))
                warm.AddOrUpdate(d);
            warm.Commit();
        }
        DeleteFolder(warmFolder);
        DeleteFolder(folder);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var clock = Stopwatch.StartNew();
        var writer = engine.OpenWriter(folder);
        int feeders = variant.ConcurrentAdds ? threads : 1;
        Feed(writer, documents, feeders);
        double addSeconds = clock.Elapsed.TotalSeconds;
        writer.Commit();
        double seconds = clock.Elapsed.TotalSeconds;
        long indexBytes = FolderBytes(folder);

        var result = new JsonObject
        {
            ["engine"] = variant.Name,
            ["threads"] = threads,
            ["cores"] = Environment.ProcessorCount,
            ["feeding_threads"] = feeders,
            ["documents"] = documents.Count,
            ["sections"] = documents.Sum(d => d.Sections.Count),
            ["text_mb"] = textBytes / 1e6,
            ["load_parse_s"] = loadSeconds,
            ["warmup_documents"] = Math.Min(WarmUpDocuments, documents.Count),
            ["add_s"] = addSeconds,
            ["add_commit_s"] = seconds,
            ["text_mb_per_s"] = textBytes / 1e6 / seconds,
            ["index_mb"] = indexBytes / 1e6,
            ["index_to_text_ratio"] = (double)indexBytes / textBytes,
        };
        double? mergeSeconds = null;
        if (merge)
        {
            // The Lucene peer queries a force-merged index; so does this benchmark, for every engine.
            var mergeClock = Stopwatch.StartNew();
            writer.ForceMerge();
            mergeSeconds = mergeClock.Elapsed.TotalSeconds;
        }
        // Read once the writer is closed, since files a merge replaced may live until then. Even so an engine may
        // keep the previous commit for readers or crash recovery (the native engine does): folder_mb_after_merge is
        // the folder as queried, index_mb_merged only what the live commit names, the merged index itself.
        writer.Dispose();
        if (mergeSeconds is { } m)
        {
            result["force_merge_s"] = m;
            result["folder_mb_after_merge"] = FolderBytes(folder) / 1e6;
            long merged = LiveCommitBytes(folder) ?? FolderBytes(folder);
            result["index_mb_merged"] = merged / 1e6;
            result["index_to_text_ratio_merged"] = (double)merged / textBytes;
        }
        result["peak_working_set_mb"] = ChildProcess.PeakWorkingSetMb();
        File.WriteAllText(options.Required("out"), result.ToJsonString());
        Console.WriteLine($"  {variant.Name}, {threads} thread(s): {result["text_mb_per_s"]!.GetValue<double>():F2} MB/s, index {indexBytes / 1e6:F1} MB");
    }

    /// <summary>
    /// Hands the documents to the writer from <paramref name="threads"/> threads, each taking the next one (only for
    /// a writer that allows it, see <see cref="EngineVariant.ConcurrentAdds"/>); whether the engine analyses on these
    /// threads or at commit is its own affair.
    /// </summary>
    private static void Feed(SearchEngine.Search.IIndexWriter writer, List<DocumentRecord> documents, int threads)
    {
        int next = -1;
        var feeders = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < documents.Count)
                writer.AddOrUpdate(documents[i]);
        })).ToList();
        feeders.ForEach(t => t.Start());
        feeders.ForEach(t => t.Join());
    }

    public static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    /// <summary>
    /// The bytes of the files the live commit names (CURRENT, the commit file, its segments and deletion files), for
    /// the native engine, whose folder also holds the previous commit as a fallback; null for a folder of another
    /// layout (Lucene.Net keeps the last commit only, so its folder is its index).
    /// </summary>
    private static long? LiveCommitBytes(string folder)
    {
        var directory = new IndexDirectory(folder);
        if (!File.Exists(directory.File(CommitPoint.CurrentFile)))
            return null;
        var commit = directory.Open(forWriting: false).Commit;
        var files = commit.Segments.SelectMany(s => s.Deletes is null ? [s.FileName] : new[] { s.FileName, s.Deletes })
            .Append(commit.FileName).Append(CommitPoint.CurrentFile);
        return files.Sum(f => new FileInfo(directory.File(f)).Length);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
