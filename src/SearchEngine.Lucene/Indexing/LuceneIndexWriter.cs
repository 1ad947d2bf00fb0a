using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Lucene.Searching;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneWriter = Lucene.Net.Index.IndexWriter;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// The one writer of a Lucene index folder: Lucene's IndexWriter (its write.lock, tiered merges on a concurrent
/// scheduler) behind the contract. Pending changes become durable and visible at <see cref="Commit"/> only, which
/// is Lucene's commit (segments_N written last and fsynced): a crash leaves the last commit. Disposing drops what
/// was not committed, as the native writer does, instead of Lucene's commit on close.
/// </summary>
internal sealed class LuceneIndexWriter : IIndexWriter
{
    private readonly LuceneDirectory _directory;
    private readonly string _analyzer;
    private readonly System.Threading.Lock _gate = new();
    private LuceneWriter _writer;
    private LuceneSnapshot _snapshot;

    private LuceneIndexWriter(string path, LuceneDirectory directory, string analyzer)
    {
        Path = path;
        _directory = directory;
        _analyzer = analyzer;
        _writer = Create(path, directory, analyzer);
        try
        {
            if (!DirectoryReader.IndexExists(directory))
                _writer.Commit(); // an empty first commit, so readers and snapshots always have one to open
            _snapshot = new LuceneSnapshot(DirectoryReader.Open(directory), analyzer);
        }
        catch
        {
            _writer.Rollback(); // releases the lock
            throw;
        }
    }

    public static LuceneIndexWriter Open(string path, string analyzer)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = OpenDirectory(path);
        try
        {
            return OpenFailures.Translate(path, () => new LuceneIndexWriter(path, directory, analyzer));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>The folder as a Lucene directory (memory-mapped where the platform allows, as FSDirectory.Open picks).</summary>
    public static FSDirectory OpenDirectory(string path) => FSDirectory.Open(new DirectoryInfo(path));

    private static LuceneWriter Create(string path, LuceneDirectory directory, string analyzer)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, LuceneAnalyzers.Create(analyzer))
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            MergePolicy = new TieredMergePolicy(),
            MergeScheduler = new ConcurrentMergeScheduler(),
            Similarity = PolicySimilarity.Instance,
            // A second writer is refused at once rather than after Lucene's default wait.
            WriteLockTimeout = 0,
        };
        LuceneWriter writer;
        try
        {
            writer = new LuceneWriter(directory, config);
        }
        catch (LockObtainFailedException e)
        {
            throw IndexLockedException.For(path, e);
        }
        try
        {
            CommitUserData.Require(writer.CommitData, path, analyzer);
        }
        catch (Exception e) when (e is IndexEngineException or IndexFormatException)
        {
            writer.Rollback(); // closes without a commit and releases the lock
            throw;
        }
        writer.SetCommitData(CommitUserData.For(analyzer));
        return writer;
    }

    public string Path { get; }

    public string? RecoveredFrom => null;

    public IIndexSnapshot Snapshot => _snapshot;

    public void AddOrUpdate(DocumentRecord document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Not under the gate: Lucene's IndexWriter is thread-safe and analyses on the calling thread (one
        // in-memory segment per thread), so adds from several threads index on several cores. The gate only
        // keeps Rollback's replacement of the writer apart from the operations that read several of its states.
        Volatile.Read(ref _writer).UpdateDocuments(IdTerm(document.Id), SectionDocuments.Of(document));
    }

    public bool Delete(string id)
    {
        lock (_gate)
        {
            bool held = Contains(id);
            _writer.DeleteDocuments(IdTerm(id));
            return held;
        }
    }

    public bool Contains(string id)
    {
        lock (_gate)
        {
            // A near-real-time reader sees the pending changes as well as the last commit.
            using var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
            return new IndexSearcher(reader).Search(new TermQuery(IdTerm(id)), 1).TotalHits > 0;
        }
    }

    public void DeleteAll()
    {
        lock (_gate)
            _writer.DeleteAll();
    }

    public IIndexSnapshot Commit(IProgress<int>? progress = null)
    {
        lock (_gate)
        {
            try
            {
                _writer.Commit();
            }
            catch (IOException e)
            {
                throw new IndexWriteException($"The index at {Path} could not be committed: {e.Message} The last commit is untouched.", e);
            }
            var reader = DirectoryReader.OpenIfChanged(_snapshot.Reader);
            if (reader is not null)
                _snapshot = new LuceneSnapshot(reader, _analyzer);
            return _snapshot;
        }
    }

    public void Rollback()
    {
        lock (_gate)
        {
            // Lucene's rollback also closes the writer and releases the lock: a new one takes its place.
            _writer.Rollback();
            Volatile.Write(ref _writer, Create(Path, _directory, _analyzer));
        }
    }

    public bool MaybeMerge()
    {
        lock (_gate)
        {
            int before = SegmentCount();
            _writer.MaybeMerge();
            _writer.WaitForMerges();
            return SegmentCount() != before;
        }
    }

    /// <summary>
    /// Asks the merge policy for merges, which the concurrent scheduler runs on its own threads; the task waits for
    /// them outside the writer's lock, so writes go on meanwhile (they become durable at the next commit).
    /// </summary>
    public Task MergeInBackground()
    {
        LuceneWriter writer;
        lock (_gate)
        {
            writer = _writer;
            writer.MaybeMerge();
        }
        return Task.Run(() =>
        {
            try
            {
                writer.WaitForMerges();
            }
            catch (ObjectDisposedException)
            {
                // The writer was rolled back or disposed meanwhile: its merges were aborted and the last commit stands.
            }
        });
    }

    public bool ForceMerge()
    {
        lock (_gate)
        {
            if (SegmentCount() <= 1)
                return false;
            _writer.ForceMerge(1);
            return true;
        }
    }

    /// <summary>Segments the writer holds now (committed and pending).</summary>
    private int SegmentCount()
    {
        using var reader = DirectoryReader.Open(_writer, applyAllDeletes: false);
        return reader.Leaves.Count;
    }

    private static Term IdTerm(string id) => new(LuceneFields.Id, id);

    public void Dispose()
    {
        lock (_gate)
        {
            // Lucene's Dispose would commit the pending changes; the contract drops them.
            _writer.Rollback();
        }
    }
}
