using BenchmarkDotNet.Attributes;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Benchmarks;

/// <summary>
/// Search latency on an index of the first 1,000 peer documents (SEARCHENGINE_CORPUS, default
/// /tmp/corpus_1000.jsonl): one query of each class of the peers' set, full pipeline (top 10 sections,
/// five facets, highlighted snippets). The comparison with Lucene at 10k and 50k is benchmarks/side-by-side/run.sh.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class SearchBenchmarks
{
    private IndexSearcher _searcher = null!;

    [Params("氢能", "长株潭 自主创新", "\"战略性新兴产业\"", "发展", "氢能 | 储能", "加快 新能源汽车 产业链 发展")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string corpus = Environment.GetEnvironmentVariable("SEARCHENGINE_CORPUS") ?? "/tmp/corpus_1000.jsonl";
        string folder = Path.Combine(Path.GetTempPath(), "se-search-benchmark");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        using (var writer = IndexWriter.Open(folder))
        {
            foreach (var d in PeerCorpus.Load(corpus, out _))
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        _searcher = new IndexSearcher(SearchEngine.Index.IndexReader.OpenSnapshot(folder));
    }

    [Benchmark(Description = "full search (top 10 + facets + snippets)")]
    public int Full() => _searcher.Search(new SearchRequest { Query = Query, GroupByDocument = false }).Hits.Count;

    [Benchmark(Description = "grouped by document")]
    public int Grouped() => _searcher.Search(new SearchRequest { Query = Query }).Hits.Count;
}
