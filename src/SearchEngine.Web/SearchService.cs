using System.Diagnostics;
using Microsoft.Extensions.Options;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Web;

/// <summary>
/// The server's index: opened at start from the configured folder. When the folder holds no index yet, the server
/// opens an empty one, serves at once and builds it from the configured sources on a background task, committing
/// as it goes (<see cref="Build"/> tells how far it is). Searches use the writer's latest snapshot; uploads and
/// deletions commit at once (an acknowledged write is durable) and merge in the background.
/// </summary>
internal sealed partial class SearchService(IOptions<WebOptions> options, IHostEnvironment environment, ILogger<SearchService> logger, BuildPacing? pacing = null) : IDisposable
{
    /// <summary>
    /// A file in the index folder while its first build runs, listing the build's sources one a line: a server
    /// stopped during the build finds it at the next start and builds again over what was committed (documents
    /// are added by id, so the ones committed already are replaced, not doubled), instead of serving a partial
    /// index as complete. No engine names its files so, and neither removes a file it does not know.
    /// </summary>
    internal const string BuildMarker = "BUILDING";

    /// <summary>The longest the build keeps read documents uncommitted (they are not searchable until then).</summary>
    private static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often the build logs its progress.</summary>
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _writes = new();
    private readonly ISearchEngine _engine = SearchEngines.Create(options.Value.Engine, options.Value.Analyzer);
    private readonly CancellationTokenSource _stopping = new();
    private IIndexWriter? _writer;
    private Task? _watchedMerge;
    private IndexBuild? _build;
    private Task _building = Task.CompletedTask;

    /// <summary>While a first build is unfinished (running, failed or stopped): the documents deleted meanwhile, which it must not add back.</summary>
    private BuildDeletions? _buildDeletions;

    /// <summary>
    /// Raised after a commit that added documents (an upload, a replacement, a batch of the build), with their ids,
    /// outside the write lock; saved searches listen (<see cref="Alerts.NewDocumentAlerts"/>).
    /// </summary>
    public event Action<IReadOnlyList<string>>? DocumentsAdded;

    /// <summary>The last commit; searches, suggestions, trends and document views all read it.</summary>
    public IIndexSnapshot Snapshot => _writer?.Snapshot ?? throw new InvalidOperationException("The index is not open.");

    public string Root { get; } = RepositoryRoot(environment.ContentRootPath);

    /// <summary>A configured path (the index, a source folder, the uploads) as a full path: relative ones are under <see cref="Root"/>.</summary>
    public string Resolve(string configured) => Path.GetFullPath(Path.Combine(Root, configured));

    /// <summary>The folders the first build reads, as full paths.</summary>
    public IReadOnlyList<string> SourceFolders => [.. options.Value.SourceFolders.Select(Resolve)];

    /// <summary>The build this process ran or runs, or null when it opened a complete index.</summary>
    public BuildProgress? Build => _build?.Progress();

    /// <summary>Ends when the background build ends (at once when there is none); never faults: a failure is in <see cref="Build"/>.</summary>
    public Task BuildCompletion => _building;

    /// <summary>
    /// Opens the index. When there is none (or only an unfinished first build), opens an empty one and starts
    /// building it in the background; the server serves meanwhile, from what is committed.
    /// </summary>
    public void Open()
    {
        string folder = Resolve(options.Value.IndexFolder);
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
        string marker = Path.Combine(folder, BuildMarker);
        if (File.Exists(marker))
        {
            // A build that did not finish: its sources (an upgrade's include the uploads) are the ones to read again.
            var unfinished = File.ReadAllLines(marker).Where(l => l.Length > 0).ToList();
            string unfinishedList = string.Join(", ", unfinished);
            LogResuming(logger, folder, _writer.Snapshot.DocumentCount, unfinishedList);
            StartBuild(unfinished, marker);
            return;
        }
        BuildDeletions.Remove(folder); // a finished build's record, had a crash left it
        if (exists)
        {
            LogOpened(logger, folder, _writer.Snapshot.DocumentCount);
            return;
        }
        var sources = SourceFolders.ToList();
        string uploads = Resolve(options.Value.Uploads);
        if (upgraded && Directory.Exists(uploads))
            sources.Add(uploads);
        File.WriteAllLines(marker, sources);
        string sourceList = string.Join(", ", sources);
        LogBuilding(logger, folder, sourceList);
        StartBuild(sources, marker);
    }

    private void StartBuild(List<string> sources, string marker)
    {
        _build = new IndexBuild();
        _buildDeletions = BuildDeletions.Open(Path.GetDirectoryName(marker)!);
        var token = _stopping.Token;
        _building = Task.Run(() => BuildIndex(sources, marker, _build, token), CancellationToken.None);
    }

    /// <summary>
    /// The first build: files read on all cores (<see cref="PolicyFileIngester.Read"/>), their documents committed
    /// every <see cref="WebOptions.BuildCommitEvery"/> documents or <see cref="CommitInterval"/>, then the corpus-wide
    /// steps (issuers taught by number prefix, near-duplicates folded) applied to what was committed, so the
    /// finished index holds exactly what the synchronous build gave. Until then a search may see a duplicate copy
    /// or lack an inferred issuer. A file that cannot be read is logged and skipped.
    /// </summary>
    private void BuildIndex(List<string> sources, string marker, IndexBuild build, CancellationToken cancel)
    {
        var writer = _writer!;
        try
        {
            var clock = Stopwatch.StartNew();
            var plan = PolicyFileIngester.Plan(sources, Root);
            build.Listed(plan.Files.Count);
            var read = new List<IngestedFile>(plan.Files.Count);
            var pending = new List<DocumentRecord>();
            int every = Math.Max(1, options.Value.BuildCommitEvery), committed = 0;
            var sinceCommit = Stopwatch.StartNew();
            var sinceLog = Stopwatch.StartNew();
            var ingester = new PolicyFileIngester();
            foreach (var outcome in ingester.Read(plan, cancel: cancel))
            {
                read.Add(outcome);
                LogIngesting(logger, outcome.File.Source);
                pacing?.AfterFile(read.Count, cancel);
                if (outcome.Document is { } document)
                    pending.Add(DocumentRecord.From(document));
                else
                    LogSkipped(logger, outcome.File.Source, outcome.Error!);
                build.FileRead(outcome.Document is null);
                if (pending.Count >= every || (pending.Count > 0 && sinceCommit.Elapsed >= CommitInterval))
                {
                    committed += CommitBuilt(writer, pending);
                    build.Committed(committed);
                    sinceCommit.Restart();
                }
                if (sinceLog.Elapsed >= LogInterval)
                {
                    var now = build.Progress();
                    LogProgress(logger, now.FilesRead, plan.Files.Count, now.DocumentsIndexed, now.Failures, now.RemainingSeconds ?? 0);
                    sinceLog.Restart();
                }
            }
            committed += CommitBuilt(writer, pending);
            build.Committed(committed);

            var report = PolicyFileIngester.Complete(read, clock.Elapsed);
            build.Committed(CommitCorpusSteps(writer, read, report));
            File.Delete(marker);
            lock (_writes)
            {
                BuildDeletions.Remove(Path.GetDirectoryName(marker)!);
                _buildDeletions = null;
            }
            build.Done();
            LogBuilt(logger, report.Documents.Count, writer.Snapshot.SectionCount, report.Failures.Count, (long)clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            build.Failed("the server stopped before the build finished; it goes on at the next start");
            LogBuildStopped(logger);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The server goes on serving what was committed; the marker stays, so the next start builds again.
            build.Failed(e.Message);
            LogBuildFailed(logger, e);
        }
    }

    /// <summary>
    /// Adds a batch of the build's documents and commits it in one hold of the write lock. Every write under
    /// that lock commits before it is released, so nothing is pending when an upload or deletion takes it: the
    /// upload's commit cannot publish half a batch of the build, and its rollback on a failed commit drops only
    /// the upload, never documents of the build (had they been added outside the lock, that rollback would have
    /// dropped them silently). A build commit that fails rolls back its own batch and fails the build. Returns
    /// the documents added.
    /// </summary>
    private int CommitBuilt(IIndexWriter writer, List<DocumentRecord> add)
    {
        if (add.Count == 0)
            return 0;
        var added = new List<string>(add.Count);
        lock (_writes)
        {
            foreach (var record in add)
            {
                // a document deleted while this build (or an earlier run of it) went on stays deleted
                if (_buildDeletions?.Contains(record.Id) == true)
                    continue;
                writer.AddOrUpdate(record);
                added.Add(record.Id);
            }
            CommitOrRollBack(writer);
            MergeInBackground(writer);
        }
        add.Clear();
        if (added.Count > 0)
            DocumentsAdded?.Invoke(added);
        return added.Count;
    }

    /// <summary>
    /// Applies the corpus-wide steps to what the build committed, in one commit under the write lock: a document
    /// folded into another as its duplicate is deleted, and one the steps changed (an inferred issuer, a
    /// duplicate's alternate sources; they return a document untouched as the same instance) is replaced. A
    /// document deleted meanwhile (by DELETE or a replacing upload) stays deleted. Returns how many of the build's
    /// documents the index holds.
    /// </summary>
    private int CommitCorpusSteps(IIndexWriter writer, List<IngestedFile> read, IngestReport report)
    {
        var asRead = read.Where(o => o.Document is not null).ToDictionary(o => o.Document!.Id, o => o.Document!, StringComparer.Ordinal);
        var canonical = report.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        lock (_writes)
        {
            bool changed = false;
            foreach (string folded in asRead.Keys.Where(id => !canonical.Contains(id)))
                changed |= writer.Delete(folded);
            foreach (var d in report.Documents.Where(d => !ReferenceEquals(asRead.GetValueOrDefault(d.Id), d) && writer.Contains(d.Id)))
            {
                writer.AddOrUpdate(DocumentRecord.From(d));
                changed = true;
            }
            if (changed)
            {
                CommitOrRollBack(writer);
                MergeInBackground(writer);
            }
            return report.Documents.Count(d => writer.Contains(d.Id));
        }
    }

    /// <summary>Adds (or replaces) a document and commits; returns once it is durable and searchable.</summary>
    public void Add(PolicyDocument document) => Add(DocumentRecord.From(document));

    /// <summary>Adds (or replaces) a document already in its indexed form and commits.</summary>
    public void Add(DocumentRecord document)
    {
        lock (_writes)
        {
            var writer = _writer ?? throw new InvalidOperationException("The index is not open.");
            _buildDeletions?.Added(document.Id);
            writer.AddOrUpdate(document);
            CommitOrRollBack(writer);
            MergeInBackground(writer);
        }
        DocumentsAdded?.Invoke([document.Id]);
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
            _buildDeletions?.Added(document.Id);
            writer.AddOrUpdate(document);
            // the same id is replaced by the add itself; deleting it after would delete the new document
            if (replaced != document.Id)
            {
                _buildDeletions?.Deleted(replaced);
                writer.Delete(replaced);
            }
            CommitOrRollBack(writer);
            MergeInBackground(writer);
        }
        DocumentsAdded?.Invoke([document.Id]);
        return true;
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
            if (!writer.Contains(id))
                return false;
            _buildDeletions?.Deleted(id); // before the deletion commits: see BuildDeletions
            writer.Delete(id);
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

    /// <summary>
    /// Stops a running build and waits for it to end (its commits are kept; the next start goes on with it). Called
    /// when the host begins to stop, so a stopped server is quiet before its services are disposed.
    /// </summary>
    public void StopBuild()
    {
        _stopping.Cancel();
        _building.Wait();
    }

    private int _closed;

    /// <summary>
    /// Stops a running build and closes the index, waiting for a merge in progress to commit, so that once the host
    /// has stopped nothing writes to the folder and its lock is free (a test, or an operator, may open it at once).
    /// Called when the host has stopped, before the service container is disposed, which may come later; idempotent.
    /// </summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
            return;
        StopBuild();
        lock (_writes)
            _writer?.Dispose();
    }

    /// <summary>Closes the index (see <see cref="Close"/>).</summary>
    public void Dispose()
    {
        Close();
        _stopping.Dispose();
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "No index at {Folder}; serving while it is built from {Sources}")]
    private static partial void LogBuilding(ILogger logger, string folder, string sources);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The build of the index at {Folder} did not finish ({Documents} documents committed); serving while it goes on from {Sources}")]
    private static partial void LogResuming(ILogger logger, string folder, int documents, string sources);

    [LoggerMessage(Level = LogLevel.Information, Message = "Building the index: {FilesRead} of {FilesTotal} files read, {Documents} documents searchable, {Failures} skipped, about {RemainingSeconds:0} s left")]
    private static partial void LogProgress(ILogger logger, int filesRead, int filesTotal, int documents, int failures, double remainingSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server stopped during the build of the index; what was committed is kept and the build goes on at the next start")]
    private static partial void LogBuildStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The build of the index failed; the server serves what was committed and builds again at the next start")]
    private static partial void LogBuildFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A background merge failed; the index stays at its last commit")]
    private static partial void LogMergeFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ingesting {Source}")]
    private static partial void LogIngesting(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Source}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {Documents} documents, {Sections} sections, {Failures} files skipped (the build took {ElapsedMs} ms: reading, indexing and committing)")]
    private static partial void LogBuilt(ILogger logger, int documents, int sections, int failures, long elapsedMs);
}
