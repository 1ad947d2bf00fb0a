using System.Text;
using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A lost or damaged CURRENT or commit file never costs the index: it opens at the newest valid commit point, says
/// so, and a folder whose commits are all unreadable is refused for writing with every file left in place.
/// </summary>
public sealed class RecoveryTests : TempFolderTest
{
    private string Current => Path.Combine(Folder, CommitPoint.CurrentFile);

    private static long Count(IndexSnapshot snapshot) =>
        new IndexSearcher(snapshot).Search(new SearchRequest { MatchAllWhenEmpty = true, Facets = false, Highlight = false }).TotalDocuments;

    /// <summary>Two commits of 10 documents each; returns the newest commit file's path.</summary>
    private string IndexTwoCommits()
    {
        using var writer = IndexWriter.Open(Folder);
        foreach (var (batch, seed) in new[] { ("first", 31), ("second", 32) })
        {
            foreach (var d in RandomCorpus.Generate(seed, 10, batch))
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        return Path.Combine(Folder, File.ReadAllLines(Current)[0]);
    }

    private void WriteCurrent(string text) => File.WriteAllBytes(Current, ChecksumTrailer.Append(Encoding.UTF8.GetBytes(text)));

    private string[] Files() => [.. Directory.GetFiles(Folder).Select(f => Path.GetFileName(f)).Where(n => n != WriteLock.FileName).Order(StringComparer.Ordinal)];

    private void Should_open_both_commits_worth_and_name_the_problem(string problem)
    {
        Assert.True(IndexReader.Exists(Folder));
        var read = IndexReader.OpenSnapshot(Folder, out string? readNote);
        Assert.Equal(20, Count(read));
        Assert.Contains(problem, readNote, StringComparison.Ordinal);

        using var writer = IndexWriter.Open(Folder);
        Assert.Contains(problem, writer.RecoveredFrom, StringComparison.Ordinal);
        Assert.Equal(20, Count(writer.Snapshot));
        Assert.True(writer.Contains("first00000") && writer.Contains("second00009"));
        IndexReader.OpenSnapshot(Folder, out string? afterRewrite);
        Assert.Null(afterRewrite); // the writer pointed CURRENT at the commit it opened
    }

    [Fact]
    public void Should_open_the_newest_valid_commit_when_CURRENT_is_missing()
    {
        IndexTwoCommits();
        File.Delete(Current);
        Should_open_both_commits_worth_and_name_the_problem("CURRENT is missing");
    }

    [Fact]
    public void Should_open_the_newest_valid_commit_when_CURRENT_holds_garbage()
    {
        IndexTwoCommits();
        File.WriteAllText(Current, "\0\0garbage\n");
        Should_open_both_commits_worth_and_name_the_problem("CURRENT has no checksum line");
    }

    [Fact]
    public void Should_fall_back_when_CURRENT_names_a_missing_commit()
    {
        IndexTwoCommits();
        WriteCurrent(CommitPoint.CommitFileName(99));
        Should_open_both_commits_worth_and_name_the_problem("commit_00000099.json, which does not exist");
    }

    [Fact]
    public void Should_reject_an_edited_CURRENT_by_its_checksum()
    {
        string newest = IndexTwoCommits();
        string[] lines = File.ReadAllLines(Current);
        Assert.Equal(2, lines.Length);
        Assert.Matches("^crc32:[0-9a-f]{8}$", lines[1]);
        // Points CURRENT at the older commit by hand, keeping the old checksum line: the edit is detected.
        File.WriteAllText(Current, lines[0].Replace(Path.GetFileName(newest)[^6..^5], "1", StringComparison.Ordinal) + "\n" + lines[1] + "\n");
        Should_open_both_commits_worth_and_name_the_problem("CURRENT fails its checksum");
    }

    [Fact]
    public void Should_fall_back_to_the_previous_commit_when_the_newest_commit_file_is_damaged()
    {
        string newest = IndexTwoCommits();
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(newest, bytes);

        var read = IndexReader.OpenSnapshot(Folder, out string? note);
        Assert.Equal(10, Count(read));
        Assert.Contains("fails its checksum", note, StringComparison.Ordinal);
        using var writer = IndexWriter.Open(Folder);
        Assert.Equal(10, Count(writer.Snapshot));
        Assert.True(writer.Contains("first00009"));
        Assert.False(writer.Contains("second00000"));
        Assert.True(File.Exists(newest), "a damaged commit file is left for a person to look at");
    }

    [Fact]
    public void Should_fall_back_when_the_newest_commit_names_a_damaged_segment()
    {
        IndexTwoCommits();
        string segment = Directory.GetFiles(Folder, "*.seg").Order(StringComparer.Ordinal).Last();
        var bytes = File.ReadAllBytes(segment);
        bytes[bytes.Length / 3] ^= 0x01;
        File.WriteAllBytes(segment, bytes);

        var read = IndexReader.OpenSnapshot(Folder, out string? note);
        Assert.Equal(10, Count(read));
        Assert.Contains("missing or damaged", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Should_refuse_to_write_and_delete_nothing_when_no_commit_can_be_read(bool keepCurrent)
    {
        IndexTwoCommits();
        foreach (var commit in Directory.GetFiles(Folder, "commit_*.json"))
            File.Delete(commit);
        if (!keepCurrent)
            File.Delete(Current);
        var before = Files();
        Assert.NotEmpty(Directory.GetFiles(Folder, "*.seg"));

        var e = Assert.Throws<IndexDamagedException>(() => IndexWriter.Open(Folder));
        Assert.Contains("holds segments but no readable commit point", e.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", e.Message, StringComparison.Ordinal);
        Assert.Contains("searchengine index", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files());
        if (keepCurrent)
            Assert.Throws<IndexDamagedException>(() => IndexReader.OpenSnapshot(Folder));
    }

    [Fact]
    public void Should_commit_again_after_recovering_and_reopen_at_that_commit()
    {
        IndexTwoCommits();
        File.Delete(Current);
        using (var writer = IndexWriter.Open(Folder))
        {
            Assert.NotNull(writer.RecoveredFrom);
            foreach (var d in RandomCorpus.Generate(33, 5, "third"))
                writer.AddOrUpdate(d);
            writer.Commit();
            Assert.True(writer.Delete("first00000"));
            writer.Commit();
            Assert.Equal(24, Count(writer.Snapshot));
        }
        var snapshot = IndexReader.OpenSnapshot(Folder, out string? note);
        Assert.Null(note);
        Assert.Equal(24, Count(snapshot));
        using var reopened = IndexWriter.Open(Folder);
        Assert.Null(reopened.RecoveredFrom);
        Assert.True(reopened.Contains("third00004"));
        Assert.False(reopened.Contains("first00000"));
    }

    [Fact]
    public void Should_keep_the_previous_commit_and_its_files_as_a_fallback()
    {
        string newest = IndexTwoCommits();
        var commits = Directory.GetFiles(Folder, "commit_*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, commits.Count);
        Assert.Equal(Path.GetFileName(newest), commits[^1]);
        using (IndexWriter.Open(Folder))
            Assert.Equal(commits, Directory.GetFiles(Folder, "commit_*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Given_a_fallback_commit_whose_segment_is_damaged_inside_when_a_writer_opens_then_it_is_kept_and_refused_only_when_it_would_open()
    {
        // After a merge the previous commit names only the segments the merge replaced. A writer checks those for
        // being complete, not every byte (at 200k documents that read gigabytes), so damage inside one is found on
        // the day that commit would open, and then it is refused like any damaged commit.
        IndexTwoCommits();
        string replaced = Directory.GetFiles(Folder, "*.seg").Order(StringComparer.Ordinal).First();
        using (var writer = IndexWriter.Open(Folder))
        {
            Assert.True(writer.ForceMerge());
            Assert.Equal(20, Count(writer.Snapshot));
        }
        Assert.True(File.Exists(replaced), "the previous commit and its segments stay as a fallback");
        var bytes = File.ReadAllBytes(replaced);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(replaced, bytes);

        using (var writer = IndexWriter.Open(Folder))
        {
            Assert.Null(writer.RecoveredFrom);
            Assert.Equal(20, Count(writer.Snapshot));
        }
        Assert.True(File.Exists(replaced), "complete, so still kept as the fallback");

        string newest = Path.Combine(Folder, File.ReadAllLines(Current)[0]);
        File.Delete(newest);
        File.Delete(Current);
        // The fallback is now the commit that would open: every byte is verified, and the damage refuses it.
        var e = Assert.Throws<IndexDamagedException>(() => IndexReader.OpenSnapshot(Folder));
        Assert.Contains("fails its checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_treat_segments_beside_only_the_initial_empty_commit_as_leftovers_of_a_first_commit()
    {
        using (IndexWriter.Open(Folder))
        {
        }
        Assert.False(IndexReader.Exists(Folder)); // nothing committed yet: a server builds it
        File.WriteAllText(Path.Combine(Folder, "seg_000000.seg"), "killed while writing the first commit");
        using var writer = IndexWriter.Open(Folder);
        Assert.Null(writer.RecoveredFrom);
        Assert.Equal(0, writer.Snapshot.DocumentCount);
        Assert.False(File.Exists(Path.Combine(Folder, "seg_000000.seg")));
    }

    [Fact]
    public async Task Should_report_a_failed_background_merge()
    {
        using var writer = IndexWriter.Open(Folder, options: new IndexWriterOptions { MaxSegments = 1 });
        foreach (var chunk in RandomCorpus.Generate(34, 20).Chunk(10))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        // A folder where the merged segment's file must go makes the merge's write fail.
        Directory.CreateDirectory(Path.Combine(Folder, "seg_000002.seg"));
        await Assert.ThrowsAnyAsync<IOException>(() => writer.MergeInBackground());
        Assert.IsType<IndexWriteException>(writer.LastMergeError);
        Assert.Equal(20, Count(writer.Snapshot));
    }
}
