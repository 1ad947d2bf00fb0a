using SearchEngine.Index;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// A process killed (SIGKILL) at random moments while it indexes, commits and merges leaves an index that opens
/// at its last commit: a whole number of committed batches, every document complete, searchable. A merge killed
/// half way leaves the index at the commit before it, and the next writer removes the files it left.
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

    private const int MergeDocuments = 1500, MergeSegments = 12;

    [Fact]
    public void Should_open_at_the_last_commit_after_being_killed_while_merging()
    {
        // Given an index of twelve segments with some documents deleted,
        string pristine = Path.Combine(Folder, "pristine");
        var docs = RandomCorpus.Generate(97, MergeDocuments);
        using (var writer = IndexWriter.Open(pristine))
        {
            foreach (var chunk in docs.Chunk(MergeDocuments / MergeSegments))
            {
                foreach (var d in chunk)
                    writer.AddOrUpdate(d);
                writer.Commit();
            }
            foreach (var d in docs.Where((_, i) => i % 10 == 3))
                writer.Delete(d.Id);
            writer.Commit();
        }
        var live = docs.Where((_, i) => i % 10 != 3).Select(d => d.Id).ToList();
        long matching = Matching(IndexReader.OpenSnapshot(pristine));
        var random = new Random(2027);
        int killedMidway = 0, leftFiles = 0;
        // Every valid commit's files, the previous commit's kept as the fallback (read only: a writer's view of the folder).
        static HashSet<string> Named(string index) =>
            new IndexDirectory(index).Open(forWriting: true).Valid.SelectMany(c => c.Segments).Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        // Six runs, more (up to twelve) until one was killed inside the merge, leaving its files.
        for (int run = 0; run < 6 || (leftFiles == 0 && run < 12); run++)
        {
            // when `searchengine merge` is killed at a random moment,
            string index = Path.Combine(Folder, $"run{run}");
            Directory.CreateDirectory(index);
            foreach (var file in Directory.GetFiles(pristine))
                File.Copy(file, Path.Combine(index, Path.GetFileName(file)));
            using (var process = CliIndexRun.StartMerge(index))
            {
                // Even runs: a random moment (before, during or after the merge). Odd runs: as soon as the merge has
                // begun writing (its temporaries appear), or a few milliseconds later, so that some kills land inside
                // a merge however fast this machine merges.
                bool killed = run % 2 == 0 ? !process.WaitForExit(random.Next(300, 2500)) : WaitForMergeWrites(process, index, random.Next(0, 15));
                if (killed)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    killedMidway++;
                }
            }
            var named = Named(index);
            var left = Directory.GetFiles(index).Select(f => Path.GetFileName(f)!).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal) || (f.EndsWith(".seg", StringComparison.Ordinal) && !named.Contains(f))).ToList();
            if (left.Count > 0)
                leftFiles++;

            // then the index opens at the commit before the merge or the one after it, every live document searchable,
            var snapshot = IndexReader.OpenSnapshot(index);
            Assert.True(snapshot.Segments.Count is 1 or MergeSegments, $"run {run}: {snapshot.Segments.Count} segments is neither before nor after the merge");
            Assert.Equal(live.Count, snapshot.DocumentCount);
            Assert.All(live, id => Assert.NotNull(snapshot.FindDocument(id)));
            Assert.Equal(matching, Matching(snapshot));

            // and the next writer removes what the killed merge left.
            using (IndexWriter.Open(index))
            {
            }
            named = Named(index);
            Assert.Empty(Directory.GetFiles(index, "*.tmp"));
            Assert.All(Directory.GetFiles(index, "*.seg"), f => Assert.Contains(Path.GetFileName(f), named));
        }
        Assert.True(leftFiles > 0, $"no run was killed inside the merge ({killedMidway} killed before exiting); the delays do not fit this machine");
    }

    /// <summary>Waits until the merging process writes a temporary file, then <paramref name="delayMs"/>; true when it is still running.</summary>
    private static bool WaitForMergeWrites(System.Diagnostics.Process process, string index, int delayMs)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !Directory.EnumerateFiles(index, "*.tmp").Any())
            Thread.Sleep(1);
        if (delayMs > 0)
            Thread.Sleep(delayMs);
        return !process.HasExited;
    }

    private static long Matching(SearchEngine.Index.Search.IndexSnapshot snapshot) =>
        new SearchEngine.Index.Search.IndexSearcher(snapshot).Search(new SearchRequest { Query = "发展 创新", Highlight = false }).TotalDocuments;
}
