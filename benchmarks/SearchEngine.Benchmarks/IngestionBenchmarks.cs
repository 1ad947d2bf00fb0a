using BenchmarkDotNet.Attributes;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Benchmarks;

/// <summary>
/// Ingestion throughput of the text pipeline (clean, sections, metadata, units, industries) on one thread:
/// over the five real seeds (messy: PDF line breaks, page markers, run-on headings) and over the first 1,000
/// documents of the peers' synthetic corpus, read from SEARCHENGINE_CORPUS (default /tmp/corpus_1000.jsonl).
/// Each benchmark returns the section count so the work cannot be optimised away. MB/s is the input's UTF-8
/// size (printed at setup) divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class IngestionBenchmarks
{
    private readonly PolicyDocumentBuilder _builder = new();
    private readonly PolicyFileIngester _ingester = new();
    private List<(string Id, string Text)> _seeds = [];
    private List<(string Id, string Text)> _synthetic = [];

    [GlobalSetup]
    public void Setup()
    {
        string seeds = Path.Combine(RepositoryRoot(), "seeds");
        _seeds = [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
        string corpus = Environment.GetEnvironmentVariable("SEARCHENGINE_CORPUS") ?? "/tmp/corpus_1000.jsonl";
        if (File.Exists(corpus))
            _synthetic = SyntheticCorpus.Load(corpus, 1000);
        Console.WriteLine($"// seeds: {_seeds.Count} files, {Utf8Bytes(_seeds)} bytes; synthetic: {_synthetic.Count} documents, {Utf8Bytes(_synthetic)} bytes");
    }

    [Benchmark(Description = "seeds (5 files, real)")]
    public int BuildSeeds() => Build(_seeds);

    [Benchmark(Description = "seeds folder, files to documents (read, decode, build, duplicates)")]
    public int IngestSeedFolder() =>
        _ingester.Ingest([Path.Combine(RepositoryRoot(), "seeds")], RepositoryRoot()).Documents.Sum(d => d.Sections.Count);

    [Benchmark(Description = "synthetic (1,000 documents)")]
    public int BuildSynthetic() => Build(_synthetic);

    private int Build(List<(string Id, string Text)> documents)
    {
        int sections = 0;
        foreach (var (id, text) in documents)
            sections += _builder.Build(id, id, SourceFormat.Text, text).Sections.Count;
        return sections;
    }

    private static long Utf8Bytes(List<(string Id, string Text)> documents) =>
        documents.Sum(d => (long)System.Text.Encoding.UTF8.GetByteCount(d.Text));

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
