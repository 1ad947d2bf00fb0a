using System.Diagnostics;
using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A full disk and a read-only folder, made real with a small tmpfs (these tests need root to mount it, as CI
/// and the development machines here have): a clear error, the last commit intact, recovery when space returns.
/// </summary>
public sealed class DiskFailureTests : TempFolderTest
{
    private string Mount(string size)
    {
        string mountPoint = Path.Combine(Folder, "disk");
        Directory.CreateDirectory(mountPoint);
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", mountPoint);
        return mountPoint;
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} failed: {error} (these tests need root to mount a tmpfs)");
    }

    /// <summary>Fills the disk but for a few kilobytes; the file returned gives the space back when deleted.</summary>
    private static string FillDisk(string disk)
    {
        string filler = Path.Combine(disk, "filler");
        File.WriteAllBytes(filler, new byte[Math.Max(0, new DriveInfo(disk).AvailableFreeSpace - (8 << 10))]);
        return filler;
    }

    /// <summary>
    /// The commit fails with a sentence saying the last commit is intact, which the writer and a reader still show;
    /// once <paramref name="filler"/> is deleted the same pending documents commit, and no temporary is left.
    /// </summary>
    private static void AssertCommitFailsUntilSpaceReturns(IndexWriter writer, string index, string filler, int committed, int added)
    {
        var e = Assert.Throws<IndexWriteException>(() => writer.Commit());
        Assert.Contains("last commit is intact", e.Message, StringComparison.Ordinal);
        Assert.Equal(committed, Count(writer.Snapshot));
        Assert.Equal(committed, Count(IndexReader.OpenSnapshot(index)));

        File.Delete(filler);
        writer.Commit();
        Assert.Equal(committed + added, Count(writer.Snapshot));
        Assert.Equal(committed + added, Count(IndexReader.OpenSnapshot(index)));
        Assert.Empty(Directory.GetFiles(index, "*.tmp"));
    }

    private static long Count(IndexSnapshot snapshot) =>
        new IndexSearcher(snapshot).Search(new SearchRequest { MatchAllWhenEmpty = true, Facets = false, Highlight = false }).TotalDocuments;

    [Fact]
    public void Should_keep_the_last_commit_when_the_disk_fills_and_recover_when_space_returns()
    {
        string disk = Mount("4m");
        try
        {
            string index = Path.Combine(disk, "index");
            using var writer = IndexWriter.Open(index);
            foreach (var d in RandomCorpus.Generate(21, 20))
                writer.AddOrUpdate(d);
            writer.Commit();
            Assert.Equal(20, Count(writer.Snapshot));

            string filler = FillDisk(disk);
            foreach (var d in RandomCorpus.Generate(22, 400, "more"))
                writer.AddOrUpdate(d);
            AssertCommitFailsUntilSpaceReturns(writer, index, filler, committed: 20, added: 400);
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }

    [Fact]
    public void Should_fail_the_commit_when_a_background_flush_finds_the_disk_full_and_write_it_when_space_returns()
    {
        string disk = Mount("4m");
        try
        {
            string index = Path.Combine(disk, "index");
            using var writer = IndexWriter.Open(index, options: new IndexWriterOptions { FlushTextBytes = 20_000, Threads = 2 });
            writer.AddOrUpdate(RandomCorpus.Generate(21, 1)[0]);
            writer.Commit();

            string filler = FillDisk(disk);
            foreach (var d in RandomCorpus.Generate(22, 400, "more"))
                writer.AddOrUpdate(d); // flushes fail in the background; the adds themselves do not
            AssertCommitFailsUntilSpaceReturns(writer, index, filler, committed: 1, added: 400);
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }

    [Fact]
    public void Should_search_a_read_only_index_and_refuse_to_write_it_clearly()
    {
        string disk = Mount("4m");
        try
        {
            string index = Path.Combine(disk, "index");
            using (var writer = IndexWriter.Open(index))
            {
                foreach (var d in RandomCorpus.Generate(23, 10))
                    writer.AddOrUpdate(d);
                writer.Commit();
            }
            Run("mount", "-o", "remount,ro", disk);
            Assert.Equal(10, Count(IndexReader.OpenSnapshot(index)));
            var e = Assert.Throws<IndexWriteException>(() => IndexWriter.Open(index));
            Assert.Contains("read-only", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Run("umount", "-l", disk);
        }
    }
}

public sealed class RollbackTests : TempFolderTest
{
    [Fact]
    public void Should_forget_uncommitted_changes_on_rollback()
    {
        using var writer = IndexWriter.Open(Folder);
        var docs = RandomCorpus.Generate(31, 3);
        writer.AddOrUpdate(docs[0]);
        writer.Commit();
        writer.AddOrUpdate(docs[1]);
        writer.Delete(docs[0].Id);
        writer.Rollback();
        writer.Commit();
        Assert.True(writer.Contains(docs[0].Id));
        Assert.False(writer.Contains(docs[1].Id));
    }
}
