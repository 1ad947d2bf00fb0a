using SearchEngine.Index;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A process killed (SIGKILL) at random moments while it indexes, commits and merges leaves an index that opens
/// at its last commit: a whole number of committed batches, every document complete, searchable.
/// </summary>
public sealed class CrashTests : TempFolderTest
{
    private const int Documents = 160, Batch = 20;

    [Fact]
    public void Should_open_at_the_last_commit_after_being_killed_while_indexing()
    {
        string files = Path.Combine(Folder, "files"), index = Path.Combine(Folder, "index");
        CliIndexRun.WritePolicyFiles(files, 99, Documents);
        var random = new Random(2026);
        int killedMidway = 0;
        for (int run = 0; run < 8; run++)
        {
            using var process = CliIndexRun.Start(files, index, Batch);
            bool finished = process.WaitForExit(random.Next(400, 3500));
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                killedMidway++;
            }
            if (!IndexReader.Exists(index))
                continue; // killed before its first commit
            var snapshot = IndexReader.OpenSnapshot(index);
            Assert.True(snapshot.DocumentCount % Batch == 0 || snapshot.DocumentCount == Documents,
                $"run {run}: {snapshot.DocumentCount} documents is not a committed state");
            foreach (var view in snapshot.Segments)
            {
                for (int d = 0; d < view.Reader.DocumentCount; d++)
                {
                    int sections = view.Reader.FirstSection[d + 1] - view.Reader.FirstSection[d];
                    Assert.Equal(view.Reader.ReadDocument(d).Sections.Count, sections);
                }
            }
            var result = new SearchEngine.Index.Search.IndexSearcher(snapshot).Search(new SearchEngine.Search.Model.SearchRequest { Query = "发展", Highlight = false });
            Assert.True(result.TotalDocuments <= snapshot.DocumentCount);
        }
        Assert.True(killedMidway > 0, "no run was interrupted; the delays are too long for this machine");

        using var final = CliIndexRun.Start(files, index, Batch);
        Assert.True(final.WaitForExit(120_000), "a full run did not finish");
        Assert.Equal(0, final.ExitCode);
        Assert.Equal(Documents, IndexReader.OpenSnapshot(index).DocumentCount);
    }
}
