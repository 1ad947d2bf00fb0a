using BenchmarkDotNet.Running;
using SearchEngine.Benchmarks;

// Benchmarks: dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- --filter '*'
// Segmentation report: ... -- segmentation-report ../shared/peers/results benchmarks/results/segmentation.md
// Lucene comparison: ... -- lucene-comparison /tmp/corpus_10000.jsonl ../shared/peers benchmarks/results/lucene-comparison.md
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
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
