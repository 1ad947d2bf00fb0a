using BenchmarkDotNet.Attributes;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;

namespace SearchEngine.Benchmarks;

/// <summary>
/// Ingestion throughput: the text pipeline (clean, sections, metadata, units, industries) over the five seeds
/// (202 KB of real, messy text), and over a synthetic corpus from ../shared/peers/corpus/scale.py when
/// SEARCHENGINE_CORPUS names its JSONL file. MB/s = bytes of UTF-8 input / mean time.
/// </summary>
[MemoryDiagnoser]
public class IngestionBenchmarks
{
    private readonly PolicyDocumentBuilder _builder = new();
    private List<(string Name, string Text)> _seeds = [];

    [GlobalSetup]
    public void Setup()
    {
        string seeds = Path.Combine(RepositoryRoot(), "seeds");
        _seeds = [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
        long bytes = _seeds.Sum(s => (long)System.Text.Encoding.UTF8.GetByteCount(s.Text));
        Console.WriteLine($"// seeds: {_seeds.Count} files, {bytes} bytes");
    }

    [Benchmark(Description = "build the 5 seeds")]
    public int BuildSeeds()
    {
        int sections = 0;
        foreach (var (name, text) in _seeds)
            sections += _builder.Build(name, name, SourceFormat.Text, text).Sections.Count;
        return sections;
    }

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
