using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A background merge builds its segment without the writer's lock: writes go on while it runs, and what they
/// delete or replace stays so after the merge swaps in. The merge is held at <see cref="IndexWriter.MergeBuilt"/>
/// (after its segment is written, before the swap) so each test writes at the worst moment.
/// </summary>
public sealed class MergeConcurrencyTests : TempFolderTest
{
    // A generous bound that only turns a deadlock into a failure; nothing here measures time.
    private static readonly TimeSpan Deadlock = TimeSpan.FromMinutes(2);

    private readonly List<DocumentRecord> _docs = RandomCorpus.Generate(41, 50);

    /// <summary>Five segments of ten documents; with MaxSegments = 1 a merge takes all five.</summary>
    private IndexWriter OpenWithFiveSegments()
    {
        var writer = IndexWriter.Open(Folder, options: new IndexWriterOptions { MaxSegments = 1 });
        foreach (var chunk in _docs.Chunk(10))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        Assert.Equal(5, writer.Snapshot.Segments.Count);
        return writer;
    }

    /// <summary>Starts a background merge and returns once it is held before its swap.</summary>
    private static Task StartBlockedMerge(IndexWriter writer, ManualResetEventSlim release)
    {
        using var entered = new ManualResetEventSlim();
        writer.MergeBuilt = () =>
        {
            entered.Set();
            release.Wait();
        };
        var merge = writer.MergeInBackground();
        Assert.True(entered.Wait(Deadlock), "the merge never reached its swap");
        return merge;
    }

    private static List<string> LiveIds(IndexSnapshot snapshot) =>
        [.. new IndexSearcher(snapshot).Search(new SearchRequest { Query = "", Filters = new SearchFilters { Types = RandomCorpus.Types }, Size = 1000, Facets = false, Highlight = false })
            .Hits.Select(h => h.DocumentId)];

    private static long Count(IndexSnapshot snapshot, string query) =>
        new IndexSearcher(snapshot).Search(new SearchRequest { Query = query, Facets = false, Highlight = false }).TotalDocuments;

    [Fact]
    public async Task Should_commit_a_write_while_a_merge_is_blocked()
    {
        using var release = new ManualResetEventSlim();
        using var writer = OpenWithFiveSegments();
        var merge = StartBlockedMerge(writer, release);

        // Given a merge held before its swap, when a document is added and committed on another thread,
        var upload = RandomCorpus.Generate(42, 1, "upload")[0];
        var write = Task.Run(() =>
        {
            writer.AddOrUpdate(upload);
            writer.Commit();
        });

        // then the write completes while the merge is still held.
        await write.WaitAsync(Deadlock); // a TimeoutException here means the write waited for the merge
        Assert.False(merge.IsCompleted);
        Assert.NotNull(writer.Snapshot.FindDocument(upload.Id));

        release.Set();
        await merge;
        Assert.Null(writer.LastMergeError);
        // The merged segment and the one committed meanwhile, which the background loop's next merge (the cap is 1)
        // folds into it.
        Assert.Single(writer.Snapshot.Segments);
        Assert.Equal(51, writer.Snapshot.DocumentCount);
        Assert.NotNull(writer.Snapshot.FindDocument(upload.Id));
    }

    [Fact]
    public async Task Should_keep_deletions_and_replacements_made_during_a_merge()
    {
        using var release = new ManualResetEventSlim();
        var deleted = _docs[3];
        var replaced = _docs[17] with { Title = "关于独一无二词语测试的通知" };
        var deletedUncommitted = _docs[36];
        using (var writer = OpenWithFiveSegments())
        {
            var merge = StartBlockedMerge(writer, release);

            // Given a held merge of every segment, when one merged document is deleted and another replaced (both
            // committed) and a third deleted but not yet committed,
            Assert.True(writer.Delete(deleted.Id));
            writer.Commit();
            writer.AddOrUpdate(replaced);
            writer.Commit();
            Assert.True(writer.Delete(deletedUncommitted.Id));

            release.Set();
            await merge;

            // then after the swap the deleted one is gone and the replaced one appears once, in its new form;
            Assert.Null(writer.LastMergeError);
            Assert.Single(writer.Snapshot.Segments); // the replacement's segment merged in by the loop's next merge
            var ids = LiveIds(writer.Snapshot);
            Assert.DoesNotContain(deleted.Id, ids);
            Assert.Single(ids, id => id == replaced.Id);
            Assert.Equal(replaced.Title, writer.Snapshot.FindDocument(replaced.Id)!.Title);
            Assert.Equal(1, Count(writer.Snapshot, "独一无二"));
            Assert.Null(writer.Snapshot.FindDocument(deleted.Id));
            Assert.Equal(49, writer.Snapshot.DocumentCount);

            // and the uncommitted deletion still applies at the next commit.
            Assert.NotNull(writer.Snapshot.FindDocument(deletedUncommitted.Id));
            writer.Commit();
            Assert.Null(writer.Snapshot.FindDocument(deletedUncommitted.Id));
            Assert.False(writer.Contains(deletedUncommitted.Id));
            Assert.Equal(48, writer.Snapshot.DocumentCount);
        }

        // After a reopen the same holds, from a commit whose files are all on disk.
        using var reopened = IndexWriter.Open(Folder);
        Assert.Null(reopened.RecoveredFrom);
        var snapshot = IndexReader.OpenSnapshot(Folder);
        Assert.Equal(48, snapshot.DocumentCount);
        var reopenedIds = LiveIds(snapshot);
        Assert.Equal(48, reopenedIds.Count);
        Assert.DoesNotContain(deleted.Id, reopenedIds);
        Assert.DoesNotContain(deletedUncommitted.Id, reopenedIds);
        Assert.Single(reopenedIds, id => id == replaced.Id);
        Assert.Equal(replaced.Title, snapshot.FindDocument(replaced.Id)!.Title);
        Assert.False(reopened.Contains(deleted.Id));
    }

    [Fact]
    public async Task Should_show_consistent_snapshots_to_searches_during_a_merge()
    {
        using var release = new ManualResetEventSlim();
        using var writer = OpenWithFiveSegments();
        var beforeMerge = writer.Snapshot;
        var merge = StartBlockedMerge(writer, release);

        // Given searches running on their own thread while writes commit and the merge swaps in,
        using var stop = new CancellationTokenSource();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        long searches = 0;
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = writer.Snapshot;
                var ids = LiveIds(snapshot);
                // then every snapshot's documents are found once each, matching its own count.
                if (ids.Count != snapshot.DocumentCount || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                    errors.Enqueue($"snapshot {snapshot.Generation}: {ids.Count} hits ({ids.Distinct(StringComparer.Ordinal).Count()} distinct), {snapshot.DocumentCount} live");
                Interlocked.Increment(ref searches);
            }
        }, TaskCreationOptions.LongRunning);

        for (int i = 0; i < 5; i++)
        {
            writer.AddOrUpdate(_docs[i * 7] with { Title = $"关于第{i}次修订的通知" });
            Assert.True(writer.Delete(_docs[(i * 7) + 1].Id));
            writer.Commit();
        }
        release.Set();
        await merge;
        for (int wait = 0; Interlocked.Read(ref searches) < 3 && wait < 1000; wait++)
            await Task.Delay(10);
        await stop.CancelAsync();
        await reader;

        Assert.Empty(errors);
        Assert.Equal(45, writer.Snapshot.DocumentCount);
        Assert.Equal(45, LiveIds(writer.Snapshot).Count);
        // A snapshot taken before the merge still shows its own state.
        Assert.Equal(50, beforeMerge.DocumentCount);
        Assert.Equal(50, LiveIds(beforeMerge).Count);
    }

    [Fact]
    public async Task Should_leave_the_index_as_it_was_when_a_merge_fails()
    {
        using (var writer = OpenWithFiveSegments())
        {
            long generation = writer.Snapshot.Generation;
            writer.MergeBuilt = () => throw new InvalidOperationException("merge made to fail by the test");

            // Given a merge that fails after writing its segment, when it is awaited,
            await Assert.ThrowsAsync<InvalidOperationException>(writer.MergeInBackground);

            // then the error is kept, the commit is unchanged and every document is searchable;
            Assert.IsType<InvalidOperationException>(writer.LastMergeError);
            Assert.Equal(generation, writer.Snapshot.Generation);
            Assert.Equal(5, writer.Snapshot.Segments.Count);
            Assert.Equal(50, LiveIds(writer.Snapshot).Count);
            Assert.All(_docs, d => Assert.NotNull(writer.Snapshot.FindDocument(d.Id)));

            // and the next commit works and removes the failed merge's file.
            writer.MergeBuilt = null;
            writer.AddOrUpdate(RandomCorpus.Generate(43, 1, "after")[0]);
            writer.Commit();
            Assert.Equal(51, writer.Snapshot.DocumentCount);
            var named = writer.Snapshot.Segments.Select(v => v.Entry.FileName).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(6, named.Count);
            Assert.All(Directory.GetFiles(Folder, "*.seg"), f => Assert.Contains(Path.GetFileName(f), named));
        }
        Assert.Equal(51, IndexReader.OpenSnapshot(Folder).DocumentCount);
    }
}
