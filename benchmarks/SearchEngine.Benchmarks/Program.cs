using BenchmarkDotNet.Running;
using SearchEngine.Benchmarks;

// Benchmarks: dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- --filter '*'
// Relevance (nDCG@10 on benchmarks/relevance/queries.json): ... -- relevance [--engine NAME] [benchmarks/results/relevance/NAME.md]
// Relevance pool for judging: ... -- relevance-pool QUERIES.txt FOLDER
// Plan targets against benchmarks/targets/judged.json: ... -- targets [REPORT.md]; the sample's input texts: ... -- targets-texts DIR
// Segmentation report: ... -- segmentation-report ../shared/peers/results benchmarks/results/segmentation.md
// Load test (loopback only): ... -- load-test http://127.0.0.1:5000 SECONDS CLIENTS [API_KEY]
// Side by side with the Lucene peer: benchmarks/side-by-side/run.sh, which runs
//   ... -- side-by-side --corpus FILE --queries QUERIES.tsv --out RAW.json (children: side-by-side-index, side-by-side-query, side-by-side-uploads)
if (args is ["relevance", "--engine", var engine, ..])
{
    SearchEngine.Benchmarks.Relevance.RelevanceCommand.Run(args.Length > 3 ? args[3] : null, engine);
    return;
}
if (args is ["relevance", ..])
{
    SearchEngine.Benchmarks.Relevance.RelevanceCommand.Run(args.Length > 1 ? args[1] : null);
    return;
}
if (args is ["targets", ..])
{
    SearchEngine.Benchmarks.Targets.TargetsCommand.Run(args.Length > 1 ? args[1] : null);
    return;
}
if (args is ["targets-texts", var textFolder])
{
    SearchEngine.Benchmarks.Targets.TargetsCommand.WriteTexts(textFolder);
    return;
}
if (args is ["side-by-side", .. var sideBySide])
{
    SearchEngine.Benchmarks.SideBySide.SideBySideCommand.Run(new(sideBySide));
    return;
}
if (args is ["side-by-side-index", .. var indexing])
{
    SearchEngine.Benchmarks.SideBySide.IndexingRun.Run(new(indexing));
    return;
}
if (args is ["side-by-side-query", .. var querying])
{
    SearchEngine.Benchmarks.SideBySide.QueryRun.Run(new(querying));
    return;
}
if (args is ["side-by-side-uploads", .. var uploading])
{
    SearchEngine.Benchmarks.SideBySide.UploadRun.Run(new(uploading));
    return;
}
if (args is ["query-profile", .. var profiling])
{
    SearchEngine.Benchmarks.SideBySide.QueryProfile.Run(new(profiling));
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
if (args is ["load-test", var baseUrl, var seconds, var clients, ..])
{
    string queries = Path.Combine(IngestionBenchmarks.RepositoryRoot(), "..", "shared", "peers", "lucene", "queries.tsv");
    Environment.Exit(await LoadTest.Run(baseUrl, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), args.Length > 4 ? args[4] : null, queries));
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
