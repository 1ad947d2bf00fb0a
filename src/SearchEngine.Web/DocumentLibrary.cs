using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Web;

/// <summary>
/// The ingested documents the server shows, loaded at start from the folders in configuration
/// (Sources, default "seeds"). Held in memory until the index engine (issue 4) replaces it.
/// </summary>
internal sealed partial class DocumentLibrary(IConfiguration configuration, IHostEnvironment environment, ILogger<DocumentLibrary> logger)
{
    private Dictionary<string, PolicyDocument> _documents = [];

    public IngestReport? Report { get; private set; }

    public IReadOnlyCollection<PolicyDocument> Documents => _documents.Values;

    public PolicyDocument? Find(string id) => _documents.GetValueOrDefault(id);

    public void Load()
    {
        string root = ContentRootParent();
        var sources = (configuration.GetSection("Sources").Get<string[]>() ?? ["seeds"])
            .Select(s => Path.GetFullPath(Path.Combine(root, s))).ToList();
        var report = new PolicyFileIngester().Ingest(sources, root, new Progress<string>(s => LogIngesting(logger, s)));
        foreach (var failure in report.Failures)
            LogSkipped(logger, failure.Source, failure.Reason);
        LogIngested(logger, report.Documents.Count, report.Bytes, (long)report.Elapsed.TotalMilliseconds);
        _documents = report.Documents.ToDictionary(d => d.Id);
        Report = report;
    }

    /// <summary>Sources are relative to the repository root, which is two levels above this project.</summary>
    private string ContentRootParent()
    {
        var dir = new DirectoryInfo(environment.ContentRootPath);
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        return dir.FullName;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Source}")]
    private static partial void LogIngesting(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested {Count} documents ({Bytes} bytes) in {ElapsedMs} ms")]
    private static partial void LogIngested(ILogger logger, int count, long bytes, long elapsedMs);
}
