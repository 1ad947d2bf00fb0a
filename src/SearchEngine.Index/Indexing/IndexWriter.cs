using SearchEngine.Core.Analysis;
using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;
using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// The single writer of an index folder: adds, replaces and deletes documents (by id), and commits them as new
/// segments plus deletion files under the <see cref="IndexDirectory"/> protocol. After each commit it
/// publishes a new <see cref="IndexSnapshot"/>; searches keep using the snapshot they started with. Methods
/// are serialised by a lock; searching needs no lock. Added documents are buffered until their text reaches
/// <see cref="IndexWriterOptions.FlushTextBytes"/>, then flushed: analysed and written as a segment on a
/// background task (at most <see cref="IndexWriterOptions.Threads"/> at once; a further flush waits for one to
/// finish), so the writer's memory is bounded by the flush size, not by how much one commit adds, and a single
/// feeding thread keeps every core analysing. A flushed segment becomes part of the index at the next commit.
/// Merges (chosen by <see cref="TieredMergePolicy"/>, written by <see cref="SegmentMerger"/> from the segments' own
/// postings, stored bytes and columns, with no analysis) build their segment outside that lock and take it only to
/// swap the result in, so a write never waits for a merge.
/// </summary>
public sealed class IndexWriter : IIndexWriter
{
    private readonly IndexDirectory _directory;
    private readonly WriteLock _lock;
    private readonly ChineseAnalyzer _analyzer;
    private readonly IndexWriterOptions _options;
    private readonly TieredMergePolicy _policy;
    private readonly object _gate = new();

    /// <summary>Held for a whole merge, so merges run one at a time; never taken while holding <see cref="_gate"/>.</summary>
    private readonly object _mergeGate = new();
    private readonly Dictionary<string, SegmentReader> _readers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Segment, int DocOrd)> _committedIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<int>> _pendingDeletes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentRecord> _pending = new(StringComparer.Ordinal);

    /// <summary>Estimated UTF-8 bytes of text in <see cref="_pending"/>, compared with the flush size.</summary>
    private long _pendingBytes;

    /// <summary>Segments flushed since the last commit, in flush order.</summary>
    private readonly List<FlushedSegment> _flushed = [];

    /// <summary>Where each document of a flushed, uncommitted segment lies, for replacements and deletions before the commit.</summary>
    private readonly Dictionary<string, (string Segment, int DocOrd)> _flushedIds = new(StringComparer.Ordinal);
    private CommitPoint _commit;
    private IndexSnapshot _snapshot;
    private bool _dropAll;

    /// <summary>Valid commit files on disk this writer may remove once no longer kept.</summary>
    private readonly HashSet<string> _commitFiles = new(StringComparer.Ordinal);
    private Exception? _lastMergeError;

    /// <summary>The segment number after the last one a merge or flush took; commits number their segments past it.</summary>
    private int _reservedSegment;

    /// <summary>Segment files a running merge or a flush writes, not yet named by a commit, so commits must not remove them.</summary>
    private readonly HashSet<string> _unpublished = new(StringComparer.Ordinal);

    private IndexWriter(IndexDirectory directory, WriteLock writeLock, ChineseAnalyzer analyzer, IndexWriterOptions options)
    {
        _directory = directory;
        _lock = writeLock;
        _analyzer = analyzer;
        _options = options;
        _policy = new TieredMergePolicy(options);
        var opened = directory.Open(forWriting: true);
        _commit = opened.Commit;
        RecoveredFrom = opened.RecoveredFrom;
        if (opened.Valid.Count == 0)
        {
            directory.WriteInitialCommit();
            opened = opened with { Valid = [CommitPoint.Empty] };
        }
        else if (RecoveredFrom is not null && _commit.Generation > 0)
        {
            directory.PointCurrentAt(_commit);
        }
        // Kept: the commit opened, any valid commit newer than it (never published, but complete) and the newest
        // older one, which is what the next open falls back to if this commit's file is damaged.
        var kept = opened.Valid.Where(c => c.Generation >= _commit.Generation)
            .Concat(opened.Valid.Where(c => c.Generation < _commit.Generation).Take(1)).ToList();
        foreach (var c in opened.Valid)
            _commitFiles.Add(c.FileName);
        RemoveUnreferenced(kept);
        _snapshot = SnapshotLoader.Load(directory, _commit, _readers, verified: opened.Verified);
        IndexIds(_snapshot);
    }

    /// <summary>Opens (or creates) the index at <paramref name="path"/> for writing; fails if another process writes it.</summary>
    public static IndexWriter Open(string path, ChineseAnalyzer? analyzer = null, IndexWriterOptions? options = null)
    {
        var writeLock = WriteLock.Acquire(System.IO.Path.GetFullPath(path));
        try
        {
            return new IndexWriter(new IndexDirectory(path), writeLock, analyzer ?? ChineseAnalyzer.Default, options ?? new IndexWriterOptions());
        }
        catch
        {
            writeLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Null when the index opened at the commit CURRENT names; else a sentence saying what was wrong with CURRENT
    /// and which commit point the writer opened instead (CURRENT was rewritten to name it). Worth logging.
    /// </summary>
    public string? RecoveredFrom { get; }

    /// <summary>The error of the last background merge that failed, or null; the index stays at its last commit.</summary>
    public Exception? LastMergeError => Volatile.Read(ref _lastMergeError);

    /// <summary>The last committed state, for searching.</summary>
    public IndexSnapshot Snapshot => Volatile.Read(ref _snapshot);

    IIndexSnapshot IIndexWriter.Snapshot => Snapshot;

    IIndexSnapshot IIndexWriter.Commit(IProgress<int>? progress) => Commit(progress);

    public string Path => _directory.Path;

    /// <summary>
    /// Adds a document, replacing any document with the same id, at the next commit. When the buffered text
    /// reaches the flush size the buffer is flushed as a segment in the background; when every thread is already
    /// flushing, this waits for one to finish (so a fast feeder cannot run the writer's memory up).
    /// </summary>
    public void AddOrUpdate(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            MarkDeleted(document.Id);
            if (_pending.Remove(document.Id, out var replaced))
                _pendingBytes -= TextBytes(replaced);
            _pending[document.Id] = document;
            _pendingBytes += TextBytes(document);
            // Each flush takes a thread's share of the budget, so that the threads flush side by side from the start
            // (one flush of the whole budget kept one core busy while the other waited for the commit).
            if (_pendingBytes >= _options.FlushTextBytes / Math.Max(1, _options.Threads))
                Flush();
        }
    }

    /// <summary>Deletes a document by id at the next commit; false when no such document exists.</summary>
    public bool Delete(string id)
    {
        lock (_gate)
        {
            bool pending = _pending.Remove(id, out var removed);
            if (pending)
                _pendingBytes -= TextBytes(removed!);
            return MarkDeleted(id) || pending;
        }
    }

    /// <summary>True when the document is in the index as of the last commit, flushed or pending.</summary>
    public bool Contains(string id)
    {
        lock (_gate)
            return _pending.ContainsKey(id) || _committedIds.ContainsKey(id) || _flushedIds.ContainsKey(id);
    }

    /// <summary>Forgets the changes made since the last commit (after a failed commit, so they do not appear later).</summary>
    public void Rollback()
    {
        lock (_gate)
        {
            DiscardFlushed();
            _pending.Clear();
            _pendingBytes = 0;
            _pendingDeletes.Clear();
            _dropAll = false;
        }
    }

    /// <summary>Drops every committed document at the next commit (a full rebuild adds them all again).</summary>
    public void DeleteAll()
    {
        lock (_gate)
        {
            DiscardFlushed();
            _dropAll = true;
            _pending.Clear();
            _pendingBytes = 0;
            _pendingDeletes.Clear();
        }
    }

    /// <summary>
    /// Hands the buffered documents to a background task that analyses them and writes them as one segment. Under
    /// the lock. The task never takes the lock, so a commit or a further flush may wait for it while holding it.
    /// </summary>
    private void Flush()
    {
        var running = _flushed.Where(f => !f.Written.IsCompleted).Select(f => (Task)f.Written).ToArray();
        if (running.Length >= _options.Threads)
            Task.WaitAny(running);
        var batch = _pending.Values.ToList();
        _pending.Clear();
        _pendingBytes = 0;
        string name = ReserveSegmentName();
        for (int i = 0; i < batch.Count; i++)
            _flushedIds[batch[i].Id] = (name, i);
        _unpublished.Add(name + ".seg");
        _flushed.Add(new FlushedSegment(name, batch, b => BuildSegment(name, b, progress: null)));
    }

    /// <summary>Analyses <paramref name="documents"/> into one segment, writes it durably and opens it.</summary>
    private SegmentReader BuildSegment(string name, IReadOnlyList<DocumentRecord> documents, IProgress<int>? progress)
    {
        var builder = new SegmentBuilder(_analyzer);
        foreach (var d in documents)
        {
            builder.Add(d);
            progress?.Report(1);
        }
        _directory.WriteDurably(name + ".seg", output => builder.Build(output));
        // Its checksum was computed as it was written, and it was synced: reading it all back to check it cost a
        // tenth of a flush.
        return SegmentReader.Open(name, _directory.File(name + ".seg"), checksumVerified: true);
    }

    /// <summary>Waits for running flushes and removes every flushed, uncommitted segment (rollback, drop all). Under the lock.</summary>
    private void DiscardFlushed()
    {
        foreach (var flushed in _flushed)
        {
            try
            {
                flushed.Written.Wait();
            }
            catch (AggregateException)
            {
                // A failed flush left at most a temporary file; removing it below is all there is to undo.
            }
            _directory.Remove(flushed.FileName);
            _unpublished.Remove(flushed.FileName);
            _pendingDeletes.Remove(flushed.Name);
        }
        _flushed.Clear();
        _flushedIds.Clear();
    }

    /// <summary>
    /// The segments flushed since the last commit as entries of the next one, each with the deletions made since it
    /// was flushed; a segment whose documents were all replaced or deleted is left out (its file is then removed).
    /// Waits for running flushes; a failed flush's error is thrown (the caller rolls back). Under the lock.
    /// </summary>
    private List<SegmentEntry> CollectFlushed(long generation, IProgress<int>? progress)
    {
        var entries = new List<SegmentEntry>();
        foreach (var flushed in _flushed)
        {
            var reader = flushed.Result(b => BuildSegment(flushed.Name, b, progress: null));
            progress?.Report(flushed.Documents);
            var deleted = _pendingDeletes.TryGetValue(flushed.Name, out var ords) ? ords.Order().ToList() : [];
            if (NewSegmentEntry(reader, deleted, generation) is { } entry)
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// Writes pending documents as new segments and pending deletions as new deletion files, then publishes the
    /// commit. Until CURRENT is replaced nothing is visible, and a crash leaves the previous commit intact.
    /// </summary>
    public IndexSnapshot Commit(IProgress<int>? progress = null)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 && _pendingDeletes.Count == 0 && _flushed.Count == 0 && !_dropAll)
                return _snapshot;
            var (generation, _) = NextNumbers();
            var entries = new List<SegmentEntry>();
            if (!_dropAll)
            {
                foreach (var entry in _commit.Segments)
                    entries.Add(ApplyDeletes(entry, generation));
            }
            entries.RemoveAll(e => e.DeletedCount == e.Documents);
            entries.AddRange(CollectFlushed(generation, progress));
            // What is still buffered is less than one flush: split among the threads when large enough to be worth it.
            var parts = Split(_pending.Values.ToList());
            var names = parts.Select(_ => ReserveSegmentName()).ToList();
            _unpublished.UnionWith(names.Select(n => n + ".seg"));
            var built = new SegmentReader[parts.Count];
            try
            {
                Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, i =>
                    built[i] = BuildSegment(names[i], parts[i], progress));
            }
            catch (AggregateException e)
            {
                // The caller expects the write error itself (a full disk, a read-only folder), not a wrapper.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
            finally
            {
                // Named by the commit below, or leftovers the next commit removes; a retry writes under new names.
                _unpublished.ExceptWith(names.Select(n => n + ".seg"));
            }
            foreach (var reader in built)
            {
                entries.Add(new SegmentEntry(reader.Name, reader.DocumentCount, reader.SectionCount, null, 0));
                _readers[reader.Name] = reader;
            }
            _unpublished.ExceptWith(_flushed.Select(f => f.FileName));
            Publish(new CommitPoint(SegmentFormat.Version, generation, NextNumbers().Segment, entries));
            _flushed.Clear();
            _flushedIds.Clear();
            _pending.Clear();
            _pendingBytes = 0;
            _pendingDeletes.Clear();
            _dropAll = false;
            return _snapshot;
        }
    }

    /// <summary>
    /// Runs the merges <see cref="TieredMergePolicy"/> finds, one after another, until it finds none; each drops its
    /// segments' deleted documents. A merge combines the segments' postings, stored documents and columns directly
    /// (<see cref="SegmentMerger"/>), from the last commit's snapshot without the writer's lock, so adds, deletes and
    /// commits go on meanwhile; only the swap into a new commit takes the lock. Changes not yet committed stay
    /// pending. A failed merge leaves the index as it was. True when any merge ran.
    /// </summary>
    public bool MaybeMerge()
    {
        bool merged = false;
        while (Merge(FindMerge))
            merged = true;
        return merged;
    }

    /// <summary>The policy's next merge among committed segments, sized by their files. Under the lock.</summary>
    private List<SegmentEntry>? FindMerge(IReadOnlyList<SegmentEntry> segments) =>
        _policy.FindMerge([.. segments.Select(s => (s, FileBytes(s)))]);

    private long FileBytes(SegmentEntry segment)
    {
        var file = new FileInfo(_directory.File(segment.FileName));
        return file.Exists ? file.Length : 0;
    }

    private Task _merging = Task.CompletedTask;

    /// <summary>Set by <see cref="Dispose"/>: no merge starts after it, so none can commit once the lock is released.</summary>
    private bool _closing;

    /// <summary>
    /// Starts <see cref="MaybeMerge"/> on a background task unless one is running, and returns at once; it merges,
    /// one merge at a time, while the policy finds any. Searches and writes go on against the current commit while it
    /// runs; a failure is kept in <see cref="LastMergeError"/>.
    /// </summary>
    public Task MergeInBackground()
    {
        lock (_gate)
        {
            if (_closing || !_merging.IsCompleted || FindMerge(_commit.Segments) is null)
                return _merging;
            _merging = Task.Run(() =>
            {
                try
                {
                    MaybeMerge();
                    Volatile.Write(ref _lastMergeError, null);
                }
                catch (Exception e)
                {
                    // Nobody awaits this task; keep the error where the server can see it.
                    Volatile.Write(ref _lastMergeError, e);
                    throw;
                }
            });
            return _merging;
        }
    }

    /// <summary>Merges every committed segment into one (for benchmarks and a compact index after a rebuild).</summary>
    public bool ForceMerge() => Merge(segments => segments.Count > 1 ? [.. segments] : null);

    /// <summary>
    /// Test hook: runs on the merging thread after the merged segment is written and before it is swapped in,
    /// outside the writer's lock. Tests block a merge here (to write meanwhile) or throw (to make it fail).
    /// </summary>
    internal Action? MergeBuilt { get; set; }

    /// <summary>
    /// Merges the segments <paramref name="choose"/> picks from the last commit (null: nothing to merge). One merge
    /// runs at a time; the writer's lock is held only to take the snapshot and to swap the result in.
    /// </summary>
    private bool Merge(Func<IReadOnlyList<SegmentEntry>, List<SegmentEntry>?> choose)
    {
        lock (_mergeGate)
        {
            IndexSnapshot source;
            HashSet<string> merging;
            string name;
            lock (_gate)
            {
                if (choose(_commit.Segments) is not { } chosen)
                    return false;
                merging = chosen.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
                source = _snapshot;
                // Reserved now: commits made while the merge runs must not pick this segment's number or remove its file.
                name = ReserveSegmentName();
                _unpublished.Add(name + ".seg");
            }
            try
            {
                var merger = new SegmentMerger([.. source.Segments.Where(v => merging.Contains(v.Entry.Name))]);
                var origins = merger.Origins;
                SegmentReader? merged = null;
                if (merger.DocumentCount > 0)
                {
                    // Postings parts are spooled beside the segment, named after it so commits meanwhile keep them
                    // and the next open removes them after a crash; each is deleted when closed.
                    int spools = 0;
                    _directory.WriteDurably(name + ".seg", output => merger.Write(output, () => new FileStream(
                        _directory.File($"{name}.seg.{spools++}.tmp"), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose)));
                    merged = SegmentReader.Open(name, _directory.File(name + ".seg"), checksumVerified: true);
                }
                MergeBuilt?.Invoke();
                lock (_gate)
                    SwapIn(merging, merged, origins);
                return true;
            }
            finally
            {
                lock (_gate)
                    _unpublished.Remove(name + ".seg");
            }
        }
    }

    /// <summary>
    /// Publishes a commit with the merged segments replaced by <paramref name="merged"/>. A merged document deleted
    /// or replaced by a commit made during the merge (its segment is gone from the live commit, or the live commit
    /// flags it) is written as deleted in the merged segment; segments committed meanwhile are kept, and pending
    /// deletions of merged documents move to their new place. Called under the writer's lock.
    /// </summary>
    private void SwapIn(HashSet<string> merging, SegmentReader? merged, IReadOnlyList<(string Segment, int DocOrd)> origins)
    {
        // From here the merged file is either named by the commit below or a leftover the commit may remove.
        if (merged is not null)
            _unpublished.Remove(merged.Name + ".seg");
        var live = _snapshot.Segments.ToDictionary(v => v.Entry.Name, StringComparer.Ordinal);
        var (generation, nextSegment) = NextNumbers();
        var entries = _commit.Segments.Where(s => !merging.Contains(s.Name)).ToList();
        if (merged is not null)
        {
            var deleted = new List<int>();
            for (int d = 0; d < origins.Count; d++)
            {
                if (!live.TryGetValue(origins[d].Segment, out var view) || view.Deleted[origins[d].DocOrd])
                    deleted.Add(d);
            }
            // The reader opened (and its file verified) before the lock: the snapshot need not open the file under it.
            if (NewSegmentEntry(merged, deleted, generation) is { } entry)
                entries.Add(entry);
        }
        var pendingIds = new List<string>();
        foreach (var segment in merging)
        {
            if (_pendingDeletes.TryGetValue(segment, out var ords) && live.TryGetValue(segment, out var view))
                pendingIds.AddRange(ords.Select(view.Reader.DocumentId));
        }
        Publish(new CommitPoint(SegmentFormat.Version, generation, nextSegment, entries));
        foreach (var segment in merging)
            _pendingDeletes.Remove(segment);
        foreach (string id in pendingIds)
            MarkCommittedDeleted(id);
    }

    /// <summary>
    /// The commit entry of a segment this writer wrote (flushed or merged) and opened, with a deletion file for the
    /// documents <paramref name="deleted"/> lists (replaced or deleted since it was written), its reader kept for the
    /// snapshot; null when every document is deleted (the file is then removed with the commit). Under the lock.
    /// </summary>
    private SegmentEntry? NewSegmentEntry(SegmentReader reader, List<int> deleted, long generation)
    {
        if (deleted.Count == reader.DocumentCount)
            return null;
        string? deletes = null;
        if (deleted.Count > 0)
        {
            deletes = $"{reader.Name}_g{generation}.del";
            _directory.WriteDurably(deletes, DeletionFile.Encode(deleted));
        }
        _readers[reader.Name] = reader;
        return new SegmentEntry(reader.Name, reader.DocumentCount, reader.SectionCount, deletes, deleted.Count);
    }

    /// <summary>The next generation and segment number, past segments running merges and flushes are writing. Under the lock.</summary>
    private (long Generation, int Segment) NextNumbers()
    {
        var (generation, segment) = _directory.NextNumbers(_commit);
        return (generation, Math.Max(segment, _reservedSegment));
    }

    /// <summary>A segment name no commit, merge or flush has used or will use. Under the lock.</summary>
    private string ReserveSegmentName()
    {
        int number = NextNumbers().Segment;
        _reservedSegment = number + 1;
        return $"seg_{number:D6}";
    }

    private void Publish(CommitPoint commit)
    {
        // Known before writing: if CURRENT then fails, this commit file is removed by the next successful commit.
        _commitFiles.Add(commit.FileName);
        _directory.Publish(commit);
        var previous = _commit;
        _commit = commit;
        var snapshot = SnapshotLoader.Load(_directory, commit, _readers, _snapshot);
        UpdateIds(_snapshot, snapshot);
        Volatile.Write(ref _snapshot, snapshot);
        RemoveUnreferenced(previous.Generation > 0 ? [commit, previous] : [commit]);
    }

    /// <summary>Removes what the kept commits do not name; the previous commit stays as a fallback.</summary>
    private void RemoveUnreferenced(List<CommitPoint> kept)
    {
        var keptFiles = kept.Select(c => c.FileName).ToHashSet(StringComparer.Ordinal);
        _directory.RemoveUnreferenced(kept, _commitFiles.Where(f => !keptFiles.Contains(f)), _unpublished);
        _commitFiles.IntersectWith(keptFiles);
    }

    /// <summary>A segment entry with this commit's new deletions written as a new deletion file.</summary>
    private SegmentEntry ApplyDeletes(SegmentEntry entry, long generation)
    {
        if (!_pendingDeletes.TryGetValue(entry.Name, out var added) || added.Count == 0)
            return entry;
        var view = _snapshot.Segments.First(v => v.Entry.Name == entry.Name);
        var all = Enumerable.Range(0, view.Deleted.Length).Where(d => view.Deleted[d]).Concat(added).Distinct().ToList();
        string name = $"{entry.Name}_g{generation}.del";
        _directory.WriteDurably(name, DeletionFile.Encode(all));
        return entry with { Deletes = name, DeletedCount = all.Count };
    }

    /// <summary>Records the deletion of a flushed or committed document at the next commit; false when there is none.</summary>
    private bool MarkDeleted(string id)
    {
        if (_flushedIds.Remove(id, out var flushed))
        {
            if (!_pendingDeletes.TryGetValue(flushed.Segment, out var flushedSet))
                _pendingDeletes[flushed.Segment] = flushedSet = [];
            flushedSet.Add(flushed.DocOrd);
            // The committed document it replaced, if any, was marked when it was added (or dropped by DeleteAll).
            MarkCommittedDeleted(id);
            return true;
        }
        return MarkCommittedDeleted(id);
    }

    private bool MarkCommittedDeleted(string id)
    {
        if (_dropAll || !_committedIds.TryGetValue(id, out var location))
            return false;
        if (!_pendingDeletes.TryGetValue(location.Segment, out var set))
            _pendingDeletes[location.Segment] = set = [];
        return set.Add(location.DocOrd);
    }

    /// <summary>A batch split among the writer's threads when it is large enough to be worth it (none when empty).</summary>
    private List<DocumentRecord[]> Split(List<DocumentRecord> batch)
    {
        const int MinimumPerThread = 500;
        int parts = Math.Clamp(batch.Count / MinimumPerThread, 1, _options.Threads);
        int size = (batch.Count + parts - 1) / parts;
        return [.. batch.Chunk(Math.Max(size, 1))];
    }

    /// <summary>
    /// The text a document adds to the buffer, as UTF-8 bytes of Chinese (three a character), counting the title
    /// once per section since every section indexes it.
    /// </summary>
    private static long TextBytes(DocumentRecord d) =>
        d.Sections.Sum(s => (long)s.Body.Length * 3) + (d.Title.Length * 3L * d.Sections.Count);

    /// <summary>
    /// Brings the id map from <paramref name="previous"/> to <paramref name="snapshot"/>, touching only the segments
    /// that changed: ids of segments gone and of documents newly deleted leave it (unless the id already points
    /// elsewhere), documents of new segments enter it. Rebuilding it whole took tens of milliseconds per commit at
    /// 200,000 documents, on every upload.
    /// </summary>
    private void UpdateIds(IndexSnapshot previous, IndexSnapshot snapshot)
    {
        var before = previous.Segments.ToDictionary(v => v.Entry.Name, StringComparer.Ordinal);
        var after = snapshot.Segments.Select(v => v.Entry.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, view) in before)
        {
            if (!after.Contains(name))
                ForgetIds(view, d => true);
        }
        foreach (var view in snapshot.Segments)
        {
            if (!before.TryGetValue(view.Entry.Name, out var old))
            {
                for (int d = 0; d < view.Reader.DocumentCount; d++)
                {
                    if (!view.Deleted[d])
                        _committedIds[view.Reader.DocumentId(d)] = (view.Entry.Name, d);
                }
            }
            else if (old.Entry.Deletes != view.Entry.Deletes)
            {
                ForgetIds(view, d => view.Deleted[d] && !old.Deleted[d]);
            }
        }
    }

    /// <summary>Removes the ids of <paramref name="view"/>'s documents that <paramref name="which"/> picks, where the map still places them there.</summary>
    private void ForgetIds(SegmentView view, Func<int, bool> which)
    {
        for (int d = 0; d < view.Reader.DocumentCount; d++)
        {
            if (!which(d))
                continue;
            string id = view.Reader.DocumentId(d);
            if (_committedIds.TryGetValue(id, out var at) && at.Segment == view.Entry.Name && at.DocOrd == d)
                _committedIds.Remove(id);
        }
    }

    private void IndexIds(IndexSnapshot snapshot)
    {
        _committedIds.Clear();
        foreach (var view in snapshot.Segments)
        {
            for (int d = 0; d < view.Reader.DocumentCount; d++)
            {
                if (!view.Deleted[d])
                    _committedIds[view.Reader.DocumentId(d)] = (view.Entry.Name, d);
            }
        }
    }

    public void Dispose()
    {
        Task merging;
        lock (_gate)
        {
            // Read under the lock that starts merges: a commit finishing at this moment cannot start one unseen.
            _closing = true;
            merging = _merging;
        }
        try
        {
            merging.Wait();
        }
        catch (AggregateException)
        {
            // A failed merge leaves the last commit in place; nothing to undo.
        }
        lock (_gate)
        {
            // Uncommitted work is lost with the writer, as it would be in a crash; its files go now rather than at the next open.
            DiscardFlushed();
        }
        _lock.Dispose();
    }
}
