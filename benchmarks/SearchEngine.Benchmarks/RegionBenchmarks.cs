using System.Text;
using BenchmarkDotNet.Attributes;
using SearchEngine.Core.Regions;

namespace SearchEngine.Benchmarks;

/// <summary>
/// The region mention finder (RegionGazetteer.FindMentions, a trie over ~3,200 divisions' names and short forms)
/// on 200 KB (UTF-8) of policy text: the five seeds repeated. Returns the number of mentions.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class RegionBenchmarks
{
    private readonly RegionGazetteer _gazetteer = RegionGazetteer.Default;
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        string seeds = Path.Combine(IngestionBenchmarks.RepositoryRoot(), "seeds");
        var texts = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var builder = new StringBuilder();
        for (int i = 0; Encoding.UTF8.GetByteCount(builder.ToString()) < 200_000; i++)
            builder.Append(texts[i % texts.Length]);
        _text = builder.ToString();
        // Warm the segmenter the two-character check uses, so its dictionary load is not measured.
        _ = _gazetteer.FindMentions(_text).Count();
        Console.WriteLine($"// text: {_text.Length} characters, {Encoding.UTF8.GetByteCount(_text)} bytes");
    }

    [Benchmark(Description = "find region mentions in 200 KB")]
    public int FindMentions() => _gazetteer.FindMentions(_text).Count();
}
