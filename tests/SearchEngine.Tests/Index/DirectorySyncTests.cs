using SearchEngine.Index.Indexing;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>The folder fsync after a rename: it really runs, and a failure is reported, not swallowed.</summary>
public sealed class DirectorySyncTests : TempFolderTest
{
    [Fact]
    public void Should_flush_an_existing_folder()
    {
        DirectorySync.Flush(Folder);
    }

    [Fact]
    public void Should_report_a_folder_it_cannot_flush()
    {
        if (OperatingSystem.IsWindows())
            return; // not synced there, see DirectorySync
        var e = Assert.Throws<IOException>(() => DirectorySync.Flush(Path.Combine(Folder, "missing")));
        Assert.Contains("could not open the folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_commit_with_the_folder_flushed()
    {
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(DocumentRecord.From(Seeds.Report.Documents[0]));
        Assert.Equal(1, writer.Commit().DocumentCount);
    }
}
