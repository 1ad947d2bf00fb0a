using BenchmarkDotNet.Attributes;
using SearchEngine.Core.Analysis;
using SearchEngine.Core.Text;

namespace SearchEngine.Benchmarks;

/// <summary>
/// Analyzer speed on one thread: the five seeds' cleaned text and the first 1,000 synthetic documents
/// (SEARCHENGINE_CORPUS, default /tmp/corpus_1000.jsonl), in query mode (segmentation) and index mode (with
/// sub-words); and the cost of loading the dictionary. MB/s = UTF-8 bytes printed at setup / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class AnalysisBenchmarks
{
    private readonly ChineseAnalyzer _analyzer = ChineseAnalyzer.Default;
    private readonly List<Token> _tokens = new(1 << 16);
    private string[] _seeds = [];
    private string[] _synthetic = [];

    [Params(AnalysisMode.Query, AnalysisMode.Index)]
    public AnalysisMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string seeds = Path.Combine(IngestionBenchmarks.RepositoryRoot(), "seeds");
        var cleaner = new PolicyTextCleaner();
        _seeds = [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => cleaner.Clean(File.ReadAllText(f)).Text)];
        string corpus = Environment.GetEnvironmentVariable("SEARCHENGINE_CORPUS") ?? "/tmp/corpus_1000.jsonl";
        if (File.Exists(corpus))
            _synthetic = [.. SyntheticCorpus.Load(corpus, 1000).Select(d => d.Text)];
        Console.WriteLine($"// seeds: {Bytes(_seeds)} bytes; synthetic: {Bytes(_synthetic)} bytes");
    }

    [Benchmark(Description = "analyze the 5 seeds")]
    public int Seeds() => Analyze(_seeds);

    [Benchmark(Description = "analyze 1,000 synthetic documents")]
    public int Synthetic() => Analyze(_synthetic);

    private int Analyze(string[] texts)
    {
        int count = 0;
        foreach (var text in texts)
        {
            _tokens.Clear();
            _analyzer.Analyze(text, Mode, _tokens);
            count += _tokens.Count;
        }
        return count;
    }

    private static long Bytes(string[] texts) => texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
}

/// <summary>Loading the vocabulary: jieba's 349k words and the policy lexicon, with every prefix.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class DictionaryLoadBenchmarks
{
    [Benchmark(Description = "load the vocabulary")]
    public int Load() => Vocabulary.Load().WordCount;
}
