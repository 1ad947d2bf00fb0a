using BenchmarkDotNet.Running;
using SearchEngine.Benchmarks;

// Benchmarks: dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- --filter '*'
// Segmentation report: ... -- segmentation-report ../shared/peers/results benchmarks/results/segmentation.md
if (args is ["segmentation-report", var peers, var output])
{
    SegmentationReport.Run(peers, output);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
