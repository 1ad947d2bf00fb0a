using System.Diagnostics;
using SearchEngine.Index.Indexing;

namespace SearchEngine.Web.Tests;

/// <summary>A second server pointed at an index folder another writer holds stops with one sentence.</summary>
public sealed class LockedIndexStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-locked-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Given_an_index_another_writer_holds_when_the_server_starts_then_it_exits_with_one_sentence()
    {
        string index = Path.Combine(_folder, "index");
        using var holder = IndexWriter.Open(index);
        using var process = PublishedServer.Start(_folder, index, "http://127.0.0.1:0");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        string stderr = await error, stdout = await output;
        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"The index at {index} is being written by another process; stop it or choose another folder with SearchEngine:Index.", stderr.Trim());
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }
}
