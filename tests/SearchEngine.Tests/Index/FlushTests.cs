using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Flushing by bytes: documents added past <see cref="IndexWriterOptions.FlushTextBytes"/> are written as segments in
/// the background before the commit, and replacements, deletions, rollbacks and drops made meanwhile still apply to
/// them exactly as to buffered or committed documents.
/// </summary>
public sealed class FlushTests : TempFolderTest
{
    /// <summary>A flush every few documents, so that every sequence below crosses several flushes.</summary>
    private static readonly IndexWriterOptions SmallFlushes = new() { FlushTextBytes = 4_000, Threads = 2, MaxSegments = 1_000 };

    /// <summary>The live documents of a snapshot as id → title.</summary>
    private static Dictionary<string, string> Live(IndexSnapshot snapshot)
    {
        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var view in snapshot.Segments)
        {
            for (int d = 0; d < view.Reader.DocumentCount; d++)
            {
                if (!view.Deleted[d])
                    Assert.True(live.TryAdd(view.Reader.DocumentId(d), view.Reader.OpenDocument(d).Outline.Title), $"{view.Reader.DocumentId(d)} is live twice");
            }
        }
        return live;
    }

    private string[] SegmentFiles() => [.. Directory.EnumerateFiles(Folder, "*.seg").Select(Path.GetFileName).Order()!];

    [Fact]
    public void Should_flush_segments_before_the_commit_and_publish_them_all_at_the_commit()
    {
        var docs = RandomCorpus.Generate(21, 200);
        using var writer = IndexWriter.Open(Folder, options: SmallFlushes);
        foreach (var d in docs)
            writer.AddOrUpdate(d);

        Assert.NotEmpty(SegmentFiles()); // written before any commit…
        Assert.Equal(0, writer.Snapshot.DocumentCount); // …and invisible until it
        writer.Commit();

        Assert.True(writer.Snapshot.Segments.Count > 2, $"expected several flushed segments, got {writer.Snapshot.Segments.Count}");
        Assert.Equal(docs.ToDictionary(d => d.Id, d => d.Title), Live(writer.Snapshot));
        Assert.Equal(writer.Snapshot.Segments.Select(v => v.Entry.FileName).Order(), SegmentFiles());
    }

    [Fact]
    public void Should_answer_like_an_index_written_in_one_segment()
    {
        var docs = RandomCorpus.Generate(22, 150);
        string whole = Path.Combine(Folder, "whole"), flushed = Path.Combine(Folder, "flushed");
        using var one = IndexWriter.Open(whole);
        using var many = IndexWriter.Open(flushed, options: SmallFlushes);
        foreach (var d in docs)
        {
            one.AddOrUpdate(d);
            many.AddOrUpdate(d);
        }
        one.Commit();
        many.Commit();
        Assert.Single(one.Snapshot.Segments);
        foreach (string word in RandomCorpus.Words.Take(12))
        {
            var request = new SearchRequest { Query = word, Size = 1000, Facets = false, Highlight = false };
            var expected = new IndexSearcher(one.Snapshot).Search(request);
            var actual = new IndexSearcher(many.Snapshot).Search(request);
            // Which other sections a hit lists depends on scores, whose statistics add up per segment; the matches do not.
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.TotalDocuments, actual.TotalDocuments);
            Assert.Equal(expected.Hits.Select(h => h.DocumentId).Order(), actual.Hits.Select(h => h.DocumentId).Order());
        }
    }

    [Fact]
    public void Should_replace_and_delete_documents_already_flushed_before_the_commit()
    {
        var docs = RandomCorpus.Generate(23, 120);
        using var writer = IndexWriter.Open(Folder, options: SmallFlushes);
        foreach (var d in docs)
            writer.AddOrUpdate(d);
        Assert.NotEmpty(SegmentFiles());

        writer.AddOrUpdate(docs[0] with { Title = "关于替换之后标题的通知" });
        Assert.True(writer.Delete(docs[1].Id));
        Assert.True(writer.Contains(docs[2].Id));
        writer.Commit();

        var live = Live(writer.Snapshot);
        Assert.Equal(119, live.Count);
        Assert.Equal("关于替换之后标题的通知", live[docs[0].Id]);
        Assert.False(live.ContainsKey(docs[1].Id));
    }

    [Fact]
    public void Should_leave_no_flushed_segment_after_a_rollback_or_a_drop()
    {
        var docs = RandomCorpus.Generate(24, 100);
        using var writer = IndexWriter.Open(Folder, options: SmallFlushes);
        writer.AddOrUpdate(docs[0]);
        writer.Commit();
        var committed = SegmentFiles();

        foreach (var d in docs.Skip(1))
            writer.AddOrUpdate(d);
        Assert.NotEqual(committed, SegmentFiles());
        writer.Rollback();
        Assert.Equal(committed, SegmentFiles());
        Assert.False(writer.Contains(docs[50].Id));
        writer.Commit();
        Assert.Equal([docs[0].Id], Live(writer.Snapshot).Keys);

        foreach (var d in docs.Skip(1))
            writer.AddOrUpdate(d);
        writer.DeleteAll();
        writer.AddOrUpdate(docs[7]);
        writer.Commit();
        Assert.Equal([docs[7].Id], Live(writer.Snapshot).Keys);
    }

    [Fact]
    public void Should_open_at_the_last_commit_and_remove_segments_flushed_after_it()
    {
        var docs = RandomCorpus.Generate(25, 100);
        using (var writer = IndexWriter.Open(Folder, options: SmallFlushes))
        {
            writer.AddOrUpdate(docs[0]);
            writer.Commit();
            foreach (var d in docs.Skip(1))
                writer.AddOrUpdate(d);
            // Copies of flushed files survive as a crash would leave them (Dispose removes the originals).
            foreach (string file in SegmentFiles().Where(f => writer.Snapshot.Segments.All(v => v.Entry.FileName != f)))
                File.Copy(Path.Combine(Folder, file), Path.Combine(Folder, "seg_9" + file[5..]));
        }
        Assert.True(SegmentFiles().Length > 1);
        using var reopened = IndexWriter.Open(Folder, options: SmallFlushes);
        Assert.Equal([docs[0].Id], Live(reopened.Snapshot).Keys);
        Assert.Equal(reopened.Snapshot.Segments.Select(v => v.Entry.FileName).Order(), SegmentFiles());
    }

    /// <summary>Random adds, replacements, deletions, commits and rollbacks against a dictionary that models them.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Should_keep_exactly_the_documents_a_model_of_the_operations_keeps(int seed)
    {
        var random = new Random(seed);
        var pool = RandomCorpus.Generate(seed, 60);
        var committed = new Dictionary<string, string>(StringComparer.Ordinal);
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        using var writer = IndexWriter.Open(Folder, options: SmallFlushes with { Threads = 1 + (seed % 2) });
        for (int step = 0; step < 400; step++)
        {
            int roll = random.Next(100);
            var doc = pool[random.Next(pool.Count)];
            if (roll < 70)
            {
                var version = doc with { Title = $"关于第{step}次修订的通知" };
                writer.AddOrUpdate(version);
                current[doc.Id] = version.Title;
            }
            else if (roll < 85)
            {
                Assert.Equal(current.Remove(doc.Id), writer.Delete(doc.Id));
            }
            else if (roll < 95)
            {
                writer.Commit();
                committed = new Dictionary<string, string>(current, StringComparer.Ordinal);
                Assert.Equal(committed, Live(writer.Snapshot));
                // The writer's id map, kept up to date commit by commit, agrees with the model.
                Assert.All(pool, d => Assert.Equal(committed.ContainsKey(d.Id), writer.Contains(d.Id)));
            }
            else if (roll < 98)
            {
                writer.Rollback();
                current = new Dictionary<string, string>(committed, StringComparer.Ordinal);
            }
            else
            {
                writer.DeleteAll();
                current.Clear();
            }
        }
        writer.Commit();
        Assert.Equal(current, Live(writer.Snapshot));
    }
}
