using SearchEngine.Core.Analysis;
using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Model;
using SearchEngine.Index.Search;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Web;

/// <summary>
/// The server's index: opened at start from the configured folder (Index, default "index"), and built there
/// from the configured sources (Sources, default ["seeds"]) when it holds no index yet. Searches use the
/// writer's latest snapshot.
/// </summary>
internal sealed partial class SearchService(IConfiguration configuration, IHostEnvironment environment, ILogger<SearchService> logger) : IDisposable
{
    private IndexWriter? _writer;

    public IndexSnapshot Snapshot => _writer?.Snapshot ?? IndexSnapshot.Empty;

    public IndexSearcher Searcher() => new(Snapshot, ChineseAnalyzer.Default, SynonymMap.Default);

    public Suggester Suggester() => new(Snapshot, ChineseAnalyzer.Default);

    public void Open()
    {
        string root = RepositoryRoot();
        string folder = Path.GetFullPath(Path.Combine(root, configuration["Index"] ?? "index"));
        bool exists = IndexReader.Exists(folder);
        _writer = IndexWriter.Open(folder);
        if (exists)
        {
            LogOpened(logger, folder, _writer.Snapshot.DocumentCount);
            return;
        }
        var sources = (configuration.GetSection("Sources").Get<string[]>() ?? ["seeds"]).Select(s => Path.GetFullPath(Path.Combine(root, s))).ToList();
        string sourceList = string.Join(", ", sources);
        LogBuilding(logger, folder, sourceList);
        var report = new PolicyFileIngester().Ingest(sources, root, new Progress<string>(s => LogIngesting(logger, s)));
        foreach (var failure in report.Failures)
            LogSkipped(logger, failure.Source, failure.Reason);
        foreach (var d in report.Documents)
            _writer.AddOrUpdate(DocumentRecord.From(d));
        _writer.Commit();
        LogBuilt(logger, report.Documents.Count, _writer.Snapshot.SectionCount, (long)report.Elapsed.TotalMilliseconds);
    }

    public void Dispose() => _writer?.Dispose();

    /// <summary>Sources and the index are relative to the repository root (the folder with SearchEngine.sln).</summary>
    private string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(environment.ContentRootPath); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        return environment.ContentRootPath;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the index at {Folder}: {Documents} documents")]
    private static partial void LogOpened(ILogger logger, string folder, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {Folder}; building it from {Sources}")]
    private static partial void LogBuilding(ILogger logger, string folder, string sources);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Source}")]
    private static partial void LogIngesting(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} documents, {Sections} sections (ingestion took {ElapsedMs} ms)")]
    private static partial void LogBuilt(ILogger logger, int documents, int sections, long elapsedMs);
}
