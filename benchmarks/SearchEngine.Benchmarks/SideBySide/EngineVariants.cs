using SearchEngine.Index;
using SearchEngine.Lucene;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>The engines the benchmarks compare, in report order; <c>--engine NAME</c> picks one by name.</summary>
internal static class EngineVariants
{
    public static IReadOnlyList<EngineVariant> All { get; } =
    [
        new("native",
            "AddOrUpdate buffers; every 64 MB of text (IndexWriterOptions.FlushTextBytes) divided by the thread count the " +
            "buffer is analysed and written as a segment on a background task, up to IndexWriterOptions.Threads = " +
            "Environment.ProcessorCount at once, and Commit builds what is left one segment per thread, so the harness's feeding threads matter " +
            "little and the core count decides",
            ConcurrentAdds: true, // AddOrUpdate takes the writer's lock
            () => NativeEngine.Instance),

        new("lucene-policy", "IndexWriter.UpdateDocuments analyses on the calling thread into a per-thread in-memory segment, " +
            "so feeding threads are indexing threads; our analyzer wrapped as a Lucene Analyzer",
            ConcurrentAdds: true, () => new LuceneEngine("policy")),
        new("lucene-smartcn", "as lucene-policy, with Lucene's SmartChineseAnalyzer",
            ConcurrentAdds: true, () => new LuceneEngine("smartcn")),
    ];

    public static EngineVariant Find(string name) =>
        All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Engine '{name}' is not in EngineVariants.All; known: {string.Join(", ", All.Select(e => e.Name))}.");
}
