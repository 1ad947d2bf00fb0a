using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

public sealed class IndexWriterTests : TempFolderTest
{
    private static long Count(IndexSnapshot snapshot, string query) =>
        new IndexSearcher(snapshot).Search(new SearchRequest { Query = query, Facets = false, Highlight = false }).TotalDocuments;

    [Fact]
    public void Should_replace_and_delete_documents_by_id_across_commits()
    {
        var docs = RandomCorpus.Generate(3, 20);
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in docs)
            writer.AddOrUpdate(d);
        writer.Commit();
        Assert.Equal(20, writer.Snapshot.DocumentCount);

        var replaced = docs[0] with { Title = "关于独一无二词语测试的通知" };
        writer.AddOrUpdate(replaced);
        Assert.True(writer.Delete(docs[1].Id));
        Assert.False(writer.Delete("no-such-id"));
        var before = writer.Snapshot;
        writer.Commit();

        Assert.Equal(20, before.DocumentCount); // the old snapshot is unchanged
        Assert.Equal(19, writer.Snapshot.DocumentCount);
        Assert.Equal(1, Count(writer.Snapshot, "独一无二"));
        var ids = new IndexSearcher(writer.Snapshot).Search(new SearchRequest { Query = "", Filters = new SearchFilters { Types = RandomCorpus.Types }, Size = 100 })
            .Hits.Select(h => h.DocumentId).ToList();
        Assert.DoesNotContain(docs[1].Id, ids);
        Assert.Single(ids, id => id == docs[0].Id);
    }

    [Fact]
    public void Should_reopen_the_last_commit_and_ignore_uncommitted_changes()
    {
        var docs = RandomCorpus.Generate(4, 10);
        using (var writer = IndexWriter.Open(Folder))
        {
            foreach (var d in docs)
                writer.AddOrUpdate(d);
            writer.Commit();
            writer.AddOrUpdate(RandomCorpus.Generate(5, 1, "late")[0]); // never committed
        }
        var snapshot = IndexReader.OpenSnapshot(Folder);
        Assert.Equal(10, snapshot.DocumentCount);
        using var reopened = IndexWriter.Open(Folder);
        Assert.True(reopened.Contains(docs[3].Id));
        Assert.False(reopened.Contains("late00000"));
    }

    [Fact]
    public void Should_merge_segments_without_losing_or_resurrecting_documents()
    {
        var docs = RandomCorpus.Generate(6, 40);
        using var writer = IndexWriter.Open(Folder, options: new IndexWriterOptions { MaxSegments = 2 });
        foreach (var chunk in docs.Chunk(10))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        writer.Delete(docs[5].Id);
        writer.Commit();
        Assert.Equal(4, writer.Snapshot.Segments.Count);
        var beforeMerge = writer.Snapshot.Segments.Select(v => v.Entry.FileName).ToList();
        Assert.True(writer.MaybeMerge());
        Assert.Equal(2, writer.Snapshot.Segments.Count);
        Assert.Equal(39, writer.Snapshot.DocumentCount);
        Assert.False(writer.Contains(docs[5].Id));
        // On disk: the segments of this commit and of the previous one, which is kept as the fallback.
        var expected = writer.Snapshot.Segments.Select(v => v.Entry.FileName).Union(beforeMerge).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Directory.GetFiles(Folder, "*.seg").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_refuse_a_second_writer_with_a_clear_message()
    {
        using var writer = IndexWriter.Open(Folder);
        var e = Assert.Throws<IndexLockedException>(() => IndexWriter.Open(Folder));
        Assert.Contains("being written by another process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ask_for_a_rebuild_when_the_format_differs()
    {
        using (var writer = IndexWriter.Open(Folder))
        {
            writer.AddOrUpdate(RandomCorpus.Generate(7, 1)[0]);
            writer.Commit();
        }
        string current = File.ReadAllLines(Path.Combine(Folder, "CURRENT"))[0]; // the commit's name, then its checksum line
        string commit = Path.Combine(Folder, current);
        File.WriteAllText(commit, File.ReadAllText(commit).Replace($"\"formatVersion\": {SearchEngine.Index.Storage.SegmentFormat.Version}", "\"formatVersion\": 999", StringComparison.Ordinal));
        var e = Assert.Throws<IndexFormatException>(() => IndexReader.OpenSnapshot(Folder));
        Assert.Contains("Rebuild it with 'searchengine index", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_detect_a_corrupted_segment()
    {
        using (var writer = IndexWriter.Open(Folder))
        {
            writer.AddOrUpdate(RandomCorpus.Generate(8, 3)[0]);
            writer.Commit();
        }
        string segment = Directory.GetFiles(Folder, "*.seg").Single();
        var bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(segment, bytes);
        // The only commit names a damaged segment: no valid commit is left, so the index refuses rather than guesses.
        var e = Assert.Throws<IndexDamagedException>(() => IndexReader.OpenSnapshot(Folder));
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_remove_leftovers_of_an_interrupted_write_at_open()
    {
        using (var writer = IndexWriter.Open(Folder))
        {
            writer.AddOrUpdate(RandomCorpus.Generate(9, 2)[0]);
            writer.Commit();
        }
        File.WriteAllText(Path.Combine(Folder, "seg_000099.seg.tmp"), "half");
        File.WriteAllText(Path.Combine(Folder, "seg_000098.seg"), "orphan");
        using (IndexWriter.Open(Folder))
        {
            Assert.False(File.Exists(Path.Combine(Folder, "seg_000099.seg.tmp")));
            Assert.False(File.Exists(Path.Combine(Folder, "seg_000098.seg")));
        }
    }
}

public sealed class ConcurrentSearchTests : TempFolderTest
{
    [Fact]
    public async Task Should_keep_answering_from_consistent_snapshots_while_commits_and_merges_run()
    {
        using var writer = IndexWriter.Open(Folder, options: new IndexWriterOptions { MaxSegments = 3 });
        var batches = RandomCorpus.Generate(12, 200).Chunk(20).ToList();
        foreach (var d in batches[0])
            writer.AddOrUpdate(d);
        writer.Commit();
        using var stop = new CancellationTokenSource();
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        long searches = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = writer.Snapshot;
                var result = new IndexSearcher(snapshot).Search(new SearchRequest { Query = "发展", Filters = SearchFilters.None, Highlight = false, Size = 5 });
                var all = new IndexSearcher(snapshot).Search(new SearchRequest { Filters = new SearchFilters { Types = RandomCorpus.Types }, Highlight = false, Facets = false });
                if (all.TotalDocuments != snapshot.DocumentCount)
                    errors.Add($"snapshot {snapshot.Generation}: {all.TotalDocuments} documents found, {snapshot.DocumentCount} live");
                if (result.TotalDocuments > snapshot.DocumentCount)
                    errors.Add("more hits than documents");
                Interlocked.Increment(ref searches);
            }
        }, TaskCreationOptions.LongRunning)).ToList();
        // Readers on their own threads must be searching before the writer starts (a busy test run is slow to start them).
        for (int wait = 0; Interlocked.Read(ref searches) < 2 && wait < 1000; wait++)
            await Task.Delay(10);
        foreach (var batch in batches.Skip(1))
        {
            foreach (var d in batch)
                writer.AddOrUpdate(d);
            writer.Commit();
            writer.MaybeMerge();
        }
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.Empty(errors);
        Assert.True(Interlocked.Read(ref searches) > 0);
        Assert.Equal(200, writer.Snapshot.DocumentCount);
    }
}

public sealed class BackgroundMergeTests : TempFolderTest
{
    [Fact]
    public async Task Should_merge_in_the_background_and_leave_every_document_searchable()
    {
        using var writer = IndexWriter.Open(Folder, options: new IndexWriterOptions { MaxSegments = 2 });
        var docs = RandomCorpus.Generate(13, 50);
        foreach (var chunk in docs.Chunk(10))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        Assert.Equal(5, writer.Snapshot.Segments.Count);
        var merge = writer.MergeInBackground();
        Assert.Equal(50, writer.Snapshot.DocumentCount); // searchable meanwhile
        await merge;
        Assert.Equal(2, writer.Snapshot.Segments.Count);
        Assert.Equal(50, writer.Snapshot.DocumentCount);
    }
}
