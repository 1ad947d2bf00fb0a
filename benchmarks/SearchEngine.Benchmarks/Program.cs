using BenchmarkDotNet.Running;
using SearchEngine.Benchmarks;

// Benchmarks: dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- --filter '*'
// Relevance (nDCG@10 on benchmarks/relevance/queries.json): ... -- relevance [benchmarks/results/relevance/NAME.md]
// Relevance pool for judging: ... -- relevance-pool QUERIES.txt FOLDER
// Segmentation report: ... -- segmentation-report ../shared/peers/results benchmarks/results/segmentation.md
// Load test (loopback only): ... -- load-test http://127.0.0.1:5000 SECONDS CLIENTS [API_KEY]
// Lucene comparison: ... -- lucene-comparison /tmp/corpus_10000.jsonl ../shared/peers benchmarks/results/lucene-comparison.md
if (args is ["relevance", ..])
{
    SearchEngine.Benchmarks.Relevance.RelevanceCommand.Run(args.Length > 1 ? args[1] : null);
    return;
}
if (args is ["relevance-pool", var queryFile, var poolFolder])
{
    SearchEngine.Benchmarks.Relevance.RelevanceCommand.Pool(queryFile, poolFolder);
    return;
}
if (args is ["segmentation-report", var peers, var output])
{
    SegmentationReport.Run(peers, output);
    return;
}
if (args is ["lucene-comparison", var corpus, var peerFolder, var comparison])
{
    LuceneComparison.Run(corpus, peerFolder, comparison);
    return;
}
if (args is ["load-test", var baseUrl, var seconds, var clients, ..])
{
    string queries = Path.Combine(IngestionBenchmarks.RepositoryRoot(), "..", "shared", "peers", "lucene", "queries.tsv");
    Environment.Exit(await LoadTest.Run(baseUrl, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), args.Length > 4 ? args[4] : null, queries));
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
