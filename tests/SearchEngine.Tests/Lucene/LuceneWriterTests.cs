using SearchEngine.Index;
using SearchEngine.Lucene;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Lucene;

/// <summary>The Lucene.Net engine's writer through the contract: replace, delete, commit, reopen, locks, crashes.</summary>
public sealed class LuceneWriterTests : TempFolderTest
{
    private static readonly LuceneEngine Engine = new();

    private static DocumentRecord Seed(int n) => DocumentRecord.From(Seeds.Report.Documents[n]);

    private static long Count(IIndexSnapshot snapshot, string query) =>
        snapshot.Search(new SearchRequest { Query = query, Highlight = false }).TotalDocuments;

    [Fact]
    public void Should_refuse_an_index_whose_records_predate_plan_targets_as_an_older_format()
    {
        // Given an index committed as builds before plan targets did: its user data names the analyzer only
        using (var writer = Engine.OpenWriter(Folder))
        {
            writer.AddOrUpdate(Seed(0));
            writer.Commit();
        }
        using (var directory = global::SearchEngine.Lucene.Indexing.LuceneIndexWriter.OpenDirectory(Folder))
        using (var raw = new global::Lucene.Net.Index.IndexWriter(directory, new global::Lucene.Net.Index.IndexWriterConfig(
            global::Lucene.Net.Util.LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            raw.SetCommitData(new Dictionary<string, string> { ["analyzer"] = "policy" });
            raw.Commit();
        }

        // Then reading and writing refuse it as a format to rebuild (the server moves it aside and builds again)
        var e = Assert.Throws<IndexFormatException>(() => Engine.OpenReader(Folder, out _));
        Assert.Contains("plan targets", e.Message, StringComparison.Ordinal);
        Assert.Throws<IndexFormatException>(() => Engine.OpenWriter(Folder));

        // and the refused writer let go of the folder: it can be moved aside at once
        string aside = Folder + "-aside";
        Directory.Move(Folder, aside);
        Directory.Move(aside, Folder);
        Assert.False(File.Exists(Path.Combine(Folder, "write.lock")) && IsLocked(Folder), "the refused writer still holds the lock");
    }

    private static bool IsLocked(string folder)
    {
        try
        {
            using var writer = new global::Lucene.Net.Index.IndexWriter(global::SearchEngine.Lucene.Indexing.LuceneIndexWriter.OpenDirectory(folder),
                new global::Lucene.Net.Index.IndexWriterConfig(global::Lucene.Net.Util.LuceneVersion.LUCENE_48, new global::Lucene.Net.Analysis.Core.KeywordAnalyzer()));
            return false;
        }
        catch (global::Lucene.Net.Store.LockObtainFailedException)
        {
            return true;
        }
    }

    [Fact]
    public void Should_reopen_at_the_last_commit()
    {
        // Given two seeds committed and a third pending when the writer is dropped
        using (var writer = Engine.OpenWriter(Folder))
        {
            writer.AddOrUpdate(Seed(0));
            writer.AddOrUpdate(Seed(1));
            writer.Commit();
            writer.AddOrUpdate(Seed(2));
        }

        // When the folder is opened again, for searching and for writing
        var snapshot = Engine.OpenReader(Folder, out var recovered);
        using var again = Engine.OpenWriter(Folder);

        // Then both show the committed documents only
        Assert.Null(recovered);
        Assert.True(Engine.Exists(Folder));
        Assert.Equal(2, snapshot.DocumentCount);
        Assert.Equal(2, again.Snapshot.DocumentCount);
        Assert.False(again.Contains(Seed(2).Id));
        Assert.True(again.Contains(Seed(0).Id));
    }

    [Fact]
    public void Should_keep_pending_changes_invisible_until_commit_and_drop_them_on_rollback()
    {
        using var writer = Engine.OpenWriter(Folder);
        writer.AddOrUpdate(Seed(0));
        Assert.True(writer.Contains(Seed(0).Id));
        Assert.Equal(0, writer.Snapshot.DocumentCount);
        writer.Rollback();
        Assert.False(writer.Contains(Seed(0).Id));
        writer.AddOrUpdate(Seed(1));
        Assert.Equal(1, writer.Commit().DocumentCount);
    }

    [Fact]
    public void Should_replace_and_delete_a_document_whole()
    {
        using var writer = Engine.OpenWriter(Folder);
        var original = Seed(0);
        writer.AddOrUpdate(original);
        var before = writer.Commit();

        // When the document is replaced by a version with one section naming a word no seed has
        var replaced = original with { Sections = [original.Sections[0] with { Body = "独一无二的替换文本" }] };
        writer.AddOrUpdate(replaced);
        var after = writer.Commit();

        // Then the replacement is all there is of it, and the earlier snapshot is unchanged
        Assert.Equal(1, after.DocumentCount);
        Assert.Equal(1, after.SectionCount);
        Assert.Equal(1, Count(after, "独一无二"));
        Assert.Equal(original.Sections.Count, before.SectionCount);
        Assert.Equal(0, Count(before, "独一无二"));

        Assert.True(writer.Delete(original.Id));
        Assert.False(writer.Delete("no-such-document"));
        var deleted = writer.Commit();
        Assert.Equal(0, deleted.DocumentCount);
        Assert.Null(deleted.OpenDocument(original.Id));
        Assert.Equal(0, Count(deleted, "独一无二"));
    }

    [Fact]
    public void Should_merge_segments_and_keep_every_document()
    {
        using var writer = Engine.OpenWriter(Folder);
        for (int n = 0; n < 4; n++)
        {
            writer.AddOrUpdate(Seed(n));
            writer.Commit();
        }
        Assert.True(writer.ForceMerge());
        Assert.False(writer.ForceMerge());
        Assert.Equal(4, writer.Commit().DocumentCount);
    }

    [Fact]
    public async Task Should_merge_in_the_background_while_writes_go_on()
    {
        // Given many small commits (one segment each), and a background merge started
        var documents = RandomCorpus.Generate(5, 40);
        using var writer = Engine.OpenWriter(Folder);
        foreach (var d in documents.Take(30))
        {
            writer.AddOrUpdate(d);
            writer.Commit();
        }
        var merging = writer.MergeInBackground();

        // When documents are written meanwhile
        foreach (var d in documents.Skip(30))
            writer.AddOrUpdate(d);
        await merging;

        // Then every document is there after the next commit
        Assert.Equal(documents.Count, writer.Commit().DocumentCount);
        Assert.Equal(documents.Sum(d => d.Sections.Count), writer.Snapshot.SectionCount);
    }

    [Fact]
    public void Should_refuse_a_second_writer_with_a_clear_message()
    {
        using var writer = Engine.OpenWriter(Folder);
        var e = Assert.Throws<IndexLockedException>(() => Engine.OpenWriter(Folder));
        Assert.Contains("being written by another process", e.Message, StringComparison.Ordinal);
        Assert.Equal(Folder, e.Folder);
    }

    [Fact]
    public void Should_refuse_the_other_engines_index_both_ways()
    {
        string native = Path.Combine(Folder, "native"), lucene = Path.Combine(Folder, "lucene");
        using (var writer = NativeEngine.Instance.OpenWriter(native))
        {
            writer.AddOrUpdate(Seed(0));
            writer.Commit();
        }
        using (var writer = Engine.OpenWriter(lucene))
        {
            writer.AddOrUpdate(Seed(0));
            writer.Commit();
        }
        Assert.Equal("native", Assert.Throws<IndexEngineException>(() => Engine.OpenWriter(native)).Found);
        Assert.Equal("native", Assert.Throws<IndexEngineException>(() => Engine.OpenReader(native, out _)).Found);
        Assert.Equal("lucene", Assert.Throws<IndexEngineException>(() => NativeEngine.Instance.OpenWriter(lucene)).Found);
        Assert.False(Engine.Exists(native));
    }

    [Fact]
    public void Should_refuse_a_damaged_index_with_a_sentence_and_change_nothing()
    {
        // Given a committed index with a byte of its commit point flipped (its checksum no longer holds)
        using (var writer = Engine.OpenWriter(Folder))
        {
            writer.AddOrUpdate(Seed(0));
            writer.Commit();
        }
        string commit = Directory.GetFiles(Folder, "segments_*").Single();
        byte[] bytes = File.ReadAllBytes(commit);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(commit, bytes);
        List<string> Files() => [.. Directory.GetFiles(Folder).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)).Order()];
        var files = Files();

        // When it is opened for searching or for writing, then it is refused as damaged, and no file changed
        var read = Assert.Throws<IndexDamagedException>(() => Engine.OpenReader(Folder, out _));
        Assert.Contains("is damaged", read.Message, StringComparison.Ordinal);
        Assert.Throws<IndexDamagedException>(() => Engine.OpenWriter(Folder));
        Assert.Equal(files, Files());
        Assert.Equal(bytes, File.ReadAllBytes(commit));
    }

    private const int Documents = 120, Batch = 20;

    [Fact]
    public void Should_open_at_the_last_commit_after_being_killed_while_indexing()
    {
        // Given policy files, indexed by the CLI with the Lucene.Net engine and killed at random moments
        string files = Path.Combine(Folder, "files"), index = Path.Combine(Folder, "index");
        CliIndexRun.WritePolicyFiles(files, 98, Documents);
        var random = new Random(2027);
        int killedMidway = 0, opened = 0;
        for (int run = 0; run < 5; run++)
        {
            using var process = CliIndexRun.Start(files, index, Batch, "--engine", "lucene");
            if (!process.WaitForExit(random.Next(400, 3000)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                killedMidway++;
            }
            if (!Engine.Exists(index))
                continue; // killed before its first commit

            // Then the index opens at a commit: a whole number of batches, every document with all its sections
            var snapshot = Engine.OpenReader(index, out _);
            opened++;
            Assert.True(snapshot.DocumentCount % Batch == 0 || snapshot.DocumentCount == Documents,
                $"run {run}: {snapshot.DocumentCount} documents is not a committed state");
            Assert.True(Count(snapshot, "发展") <= snapshot.DocumentCount);
        }
        Assert.True(killedMidway > 0, "no run was interrupted; the delays are too long for this machine");
        Assert.True(opened > 0, "no run reached its first commit; the delays are too short for this machine");
    }
}
