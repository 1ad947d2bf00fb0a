using Microsoft.Extensions.Options;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Web;

/// <summary>
/// The server's index: opened at start from the configured folder, and built there from the configured sources
/// when it holds no index yet. Searches use the writer's latest snapshot; uploads and deletions commit at once
/// (an acknowledged write is durable) and merge in the background.
/// </summary>
internal sealed partial class SearchService(IOptions<WebOptions> options, IHostEnvironment environment, ILogger<SearchService> logger) : IDisposable
{
    private readonly Lock _writes = new();
    private readonly ISearchEngine _engine = SearchEngines.Create(options.Value.Engine, options.Value.Analyzer);
    private IIndexWriter? _writer;
    private Task? _watchedMerge;

    /// <summary>The last commit; searches, suggestions, trends and document views all read it.</summary>
    public IIndexSnapshot Snapshot => _writer?.Snapshot ?? throw new InvalidOperationException("The index is not open.");

    public string Root { get; } = RepositoryRoot(environment.ContentRootPath);

    public void Open()
    {
        string folder = Path.GetFullPath(Path.Combine(Root, options.Value.IndexFolder));
        bool exists = _engine.Exists(folder);
        bool upgraded = false;
        try
        {
            _writer = _engine.OpenWriter(folder);
        }
        catch (IndexFormatException e)
        {
            // An index written by an older build is derived data: it is moved aside (never deleted) and built
            // again from the configured sources and the uploaded files, which are kept in their own folder.
            string aside = $"{folder}.old-{DateTime.UtcNow:yyyyMMddHHmmss}";
            LogFormatChanged(logger, folder, e.Message, aside);
            Directory.Move(folder, aside);
            _writer = _engine.OpenWriter(folder);
            (exists, upgraded) = (false, true);
        }
        if (_writer.RecoveredFrom is { } recovered)
            LogRecovered(logger, recovered);
        if (exists)
        {
            LogOpened(logger, folder, _writer.Snapshot.DocumentCount);
            return;
        }
        var sources = options.Value.SourceFolders.Select(s => Path.GetFullPath(Path.Combine(Root, s))).ToList();
        string uploads = Path.GetFullPath(Path.Combine(Root, options.Value.Uploads));
        if (upgraded && Directory.Exists(uploads))
            sources.Add(uploads);
        string sourceList = string.Join(", ", sources);
        LogBuilding(logger, folder, sourceList);
        var report = new PolicyFileIngester().Ingest(sources, Root, new Progress<string>(s => LogIngesting(logger, s)));
        foreach (var failure in report.Failures)
            LogSkipped(logger, failure.Source, failure.Reason);
        foreach (var d in report.Documents)
            _writer.AddOrUpdate(DocumentRecord.From(d));
        _writer.Commit();
        LogBuilt(logger, report.Documents.Count, _writer.Snapshot.SectionCount, (long)report.Elapsed.TotalMilliseconds);
    }

    /// <summary>Adds (or replaces) a document and commits; returns once it is durable and searchable.</summary>
    public void Add(PolicyDocument document) => Add(DocumentRecord.From(document));

    /// <summary>Adds (or replaces) a document already in its indexed form and commits.</summary>
    public void Add(DocumentRecord document)
    {
        lock (_writes)
        {
            var writer = _writer ?? throw new InvalidOperationException("The index is not open.");
            writer.AddOrUpdate(document);
            CommitOrRollBack(writer);
            MergeInBackground(writer);
        }
    }

    /// <summary>
    /// Adds a document and deletes the one it replaces in one commit, so a search sees the old document or the new
    /// one, never both or neither; false (and nothing changed) when <paramref name="replaced"/> names no document.
    /// When the commit fails, neither change is kept: the old document stays.
    /// </summary>
    public bool Replace(DocumentRecord document, string replaced)
    {
        lock (_writes)
        {
            var writer = _writer ?? throw new InvalidOperationException("The index is not open.");
            if (!writer.Contains(replaced))
                return false;
            writer.AddOrUpdate(document);
            // the same id is replaced by the add itself; deleting it after would delete the new document
            if (replaced != document.Id)
                writer.Delete(replaced);
            CommitOrRollBack(writer);
            MergeInBackground(writer);
            return true;
        }
    }

    /// <summary>The merge outlives the request: its failure is logged when it happens, once per merge (the index stays as it was).</summary>
    private void MergeInBackground(IIndexWriter writer)
    {
        var merge = writer.MergeInBackground();
        if (merge != _watchedMerge)
        {
            _watchedMerge = merge;
            _ = merge.ContinueWith(t => LogMergeFailed(logger, t.Exception!.GetBaseException()), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>Deletes a document and commits; false when there is none with that id.</summary>
    public bool Delete(string id)
    {
        lock (_writes)
        {
            var writer = _writer ?? throw new InvalidOperationException("The index is not open.");
            if (!writer.Delete(id))
                return false;
            CommitOrRollBack(writer);
            return true;
        }
    }

    /// <summary>A write the client is told failed must not appear with a later commit: undo it on failure.</summary>
    private static void CommitOrRollBack(IIndexWriter writer)
    {
        try
        {
            writer.Commit();
        }
        catch (IndexWriteException)
        {
            writer.Rollback();
            throw;
        }
    }

    public void Dispose() => _writer?.Dispose();

    /// <summary>Paths are relative to the repository root (the folder with SearchEngine.sln), else the content root.</summary>
    private static string RepositoryRoot(string contentRoot)
    {
        for (var d = new DirectoryInfo(contentRoot); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        return contentRoot;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index at {Folder} cannot be read by this build ({Reason}); it was moved to {Aside} and is built again from the sources and uploads")]
    private static partial void LogFormatChanged(ILogger logger, string folder, string reason, string aside);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered the index: {Recovered}")]
    private static partial void LogRecovered(ILogger logger, string recovered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the index at {Folder}: {Documents} documents")]
    private static partial void LogOpened(ILogger logger, string folder, int documents);

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {Folder}; building it from {Sources}")]
    private static partial void LogBuilding(ILogger logger, string folder, string sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background merge failed; the index stays at its last commit")]
    private static partial void LogMergeFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingesting {Source}")]
    private static partial void LogIngesting(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} documents, {Sections} sections (ingestion took {ElapsedMs} ms)")]
    private static partial void LogBuilt(ILogger logger, int documents, int sections, long elapsedMs);
}
