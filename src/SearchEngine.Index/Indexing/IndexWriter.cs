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
/// are serialised by a lock; searching needs no lock. Merges (chosen by <see cref="TieredMergePolicy"/>, written by
/// <see cref="SegmentMerger"/> from the segments' own postings, stored bytes and columns, with no analysis) build
/// their segment outside that lock and take it only to swap the result in, so a write never waits for a merge.
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
    private CommitPoint _commit;
    private IndexSnapshot _snapshot;
    private bool _dropAll;

    /// <summary>Valid commit files on disk this writer may remove once no longer kept.</summary>
    private readonly HashSet<string> _commitFiles = new(StringComparer.Ordinal);
    private Exception? _lastMergeError;

    /// <summary>The segment number after the one the last merge writes; commits number their segments past it.</summary>
    private int _reservedSegment;

    /// <summary>The file a running merge writes, not yet named by a commit, so commits must not remove it.</summary>
    private string? _mergeOutput;

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
        _snapshot = SnapshotLoader.Load(directory, _commit, _readers);
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

    /// <summary>Adds a document, replacing any document with the same id, at the next commit.</summary>
    public void AddOrUpdate(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (_gate)
        {
            MarkCommittedDeleted(document.Id);
            _pending[document.Id] = document;
        }
    }

    /// <summary>Deletes a document by id at the next commit; false when no such document exists.</summary>
    public bool Delete(string id)
    {
        lock (_gate)
        {
            bool pending = _pending.Remove(id);
            return MarkCommittedDeleted(id) || pending;
        }
    }

    /// <summary>True when the document is in the index as of the last commit or pending.</summary>
    public bool Contains(string id)
    {
        lock (_gate)
            return _pending.ContainsKey(id) || _committedIds.ContainsKey(id);
    }

    /// <summary>Forgets the changes made since the last commit (after a failed commit, so they do not appear later).</summary>
    public void Rollback()
    {
        lock (_gate)
        {
            _pending.Clear();
            _pendingDeletes.Clear();
            _dropAll = false;
        }
    }

    /// <summary>Drops every committed document at the next commit (a full rebuild adds them all again).</summary>
    public void DeleteAll()
    {
        lock (_gate)
        {
            _dropAll = true;
            _pending.Clear();
            _pendingDeletes.Clear();
        }
    }

    /// <summary>
    /// Writes pending documents as new segments and pending deletions as new deletion files, then publishes the
    /// commit. Until CURRENT is replaced nothing is visible, and a crash leaves the previous commit intact.
    /// </summary>
    public IndexSnapshot Commit(IProgress<int>? progress = null)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 && _pendingDeletes.Count == 0 && !_dropAll)
                return _snapshot;
            var (generation, nextSegment) = NextNumbers();
            var entries = new List<SegmentEntry>();
            if (!_dropAll)
            {
                foreach (var entry in _commit.Segments)
                    entries.Add(ApplyDeletes(entry, generation));
            }
            entries.RemoveAll(e => e.DeletedCount == e.Documents);
            foreach (var batch in Batches(_pending.Values.ToList()))
            {
                // Large batches are built as one segment per thread: analysis dominates indexing and parallelises.
                var parts = Split(batch);
                var built = new (byte[] Bytes, int Documents, int Sections)[parts.Count];
                Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, i =>
                {
                    var builder = new SegmentBuilder(_analyzer);
                    foreach (var d in parts[i])
                    {
                        builder.Add(d);
                        progress?.Report(1);
                    }
                    built[i] = (builder.Build(), builder.DocumentCount, builder.SectionCount);
                });
                foreach (var (bytes, documents, sections) in built)
                {
                    string name = $"seg_{nextSegment++:D6}";
                    _directory.WriteDurably(name + ".seg", bytes);
                    entries.Add(new SegmentEntry(name, documents, sections, null, 0));
                }
            }
            Publish(new CommitPoint(SegmentFormat.Version, generation, nextSegment, entries));
            _pending.Clear();
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

    /// <summary>
    /// Starts <see cref="MaybeMerge"/> on a background task unless one is running, and returns at once; it merges,
    /// one merge at a time, while the policy finds any. Searches and writes go on against the current commit while it
    /// runs; a failure is kept in <see cref="LastMergeError"/>.
    /// </summary>
    public Task MergeInBackground()
    {
        lock (_gate)
        {
            if (!_merging.IsCompleted || FindMerge(_commit.Segments) is null)
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
                int number = NextNumbers().Segment;
                _reservedSegment = number + 1;
                name = $"seg_{number:D6}";
                _mergeOutput = name + ".seg";
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
                    merged = SegmentReader.Open(name, _directory.File(name + ".seg"));
                }
                MergeBuilt?.Invoke();
                lock (_gate)
                    SwapIn(merging, merged, origins);
                return true;
            }
            finally
            {
                lock (_gate)
                    _mergeOutput = null;
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
        _mergeOutput = null;
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
            if (deleted.Count < merged.DocumentCount)
            {
                string? deletes = null;
                if (deleted.Count > 0)
                {
                    deletes = $"{merged.Name}_g{generation}.del";
                    _directory.WriteDurably(deletes, DeletionFile.Encode(deleted));
                }
                entries.Add(new SegmentEntry(merged.Name, merged.DocumentCount, merged.SectionCount, deletes, deleted.Count));
                // The reader opened on the file just written: the snapshot need not open it under the lock.
                _readers[merged.Name] = merged;
            }
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

    /// <summary>The next generation and segment number, past a segment a running merge is writing. Under the lock.</summary>
    private (long Generation, int Segment) NextNumbers()
    {
        var (generation, segment) = _directory.NextNumbers(_commit);
        return (generation, Math.Max(segment, _reservedSegment));
    }

    private void Publish(CommitPoint commit)
    {
        // Known before writing: if CURRENT then fails, this commit file is removed by the next successful commit.
        _commitFiles.Add(commit.FileName);
        _directory.Publish(commit);
        var previous = _commit;
        _commit = commit;
        var snapshot = SnapshotLoader.Load(_directory, commit, _readers);
        IndexIds(snapshot);
        Volatile.Write(ref _snapshot, snapshot);
        RemoveUnreferenced(previous.Generation > 0 ? [commit, previous] : [commit]);
    }

    /// <summary>Removes what the kept commits do not name; the previous commit stays as a fallback.</summary>
    private void RemoveUnreferenced(List<CommitPoint> kept)
    {
        var keptFiles = kept.Select(c => c.FileName).ToHashSet(StringComparer.Ordinal);
        _directory.RemoveUnreferenced(kept, _commitFiles.Where(f => !keptFiles.Contains(f)), _mergeOutput);
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

    private bool MarkCommittedDeleted(string id)
    {
        if (_dropAll || !_committedIds.TryGetValue(id, out var location))
            return false;
        if (!_pendingDeletes.TryGetValue(location.Segment, out var set))
            _pendingDeletes[location.Segment] = set = [];
        return set.Add(location.DocOrd);
    }

    /// <summary>A batch split among the writer's threads when it is large enough to be worth it.</summary>
    private List<DocumentRecord[]> Split(List<DocumentRecord> batch)
    {
        const int MinimumPerThread = 500;
        int parts = Math.Clamp(batch.Count / MinimumPerThread, 1, _options.Threads);
        int size = (batch.Count + parts - 1) / parts;
        return [.. batch.Chunk(Math.Max(size, 1))];
    }

    /// <summary>Splits pending documents into segment-sized batches by text size.</summary>
    private IEnumerable<List<DocumentRecord>> Batches(List<DocumentRecord> documents)
    {
        var batch = new List<DocumentRecord>();
        long bytes = 0;
        foreach (var d in documents)
        {
            batch.Add(d);
            bytes += d.Sections.Sum(s => (long)s.Body.Length * 3) + (d.Title.Length * 3L * d.Sections.Count);
            if (bytes >= _options.FlushTextBytes)
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
        }
        if (batch.Count > 0)
            yield return batch;
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
        try
        {
            _merging.Wait();
        }
        catch (AggregateException)
        {
            // A failed merge leaves the last commit in place; nothing to undo.
        }
        _lock.Dispose();
    }
}
