using SearchEngine.Index;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>The engines the benchmarks compare, in report order; <c>--engine NAME</c> picks one by name.</summary>
internal static class EngineVariants
{
    public static IReadOnlyList<EngineVariant> All { get; } =
    [
        new("native",
            "AddOrUpdate only buffers; Commit builds one segment per thread in parallel (IndexWriterOptions.Threads = " +
            "Environment.ProcessorCount, at least 500 documents per thread), so the harness's feeding threads matter " +
            "little and the core count decides",
            ConcurrentAdds: true, // AddOrUpdate takes the writer's lock
            () => NativeEngine.Instance),

        // Lucene.Net (src/SearchEngine.Lucene): once that project is in this branch, add a ProjectReference to it in
        // SearchEngine.Benchmarks.csproj and one line per analyzer here, for example (ConcurrentAdds: true only if that
        // writer's AddOrUpdate is safe from several threads; Lucene's IndexWriter.AddDocument is, and analyses on the caller):
        //   new("lucene-policy", "IndexWriter.AddDocument analyses on the calling thread", ConcurrentAdds: true, () => new SearchEngine.Lucene.LuceneEngine("policy")),
        //   new("lucene-smartcn", "IndexWriter.AddDocument analyses on the calling thread", ConcurrentAdds: true, () => new SearchEngine.Lucene.LuceneEngine("smartcn")),
        // The benchmark, its child processes, the relevance command and the report pick them up from this list.
    ];

    public static EngineVariant Find(string name) =>
        All.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"Engine '{name}' is not in EngineVariants.All; known: {string.Join(", ", All.Select(e => e.Name))}.");
}
