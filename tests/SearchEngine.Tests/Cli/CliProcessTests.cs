using System.Diagnostics;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Cli;

/// <summary>
/// The CLI as a user runs it, in its own process with its output redirected (as in a script or a log): mistakes the
/// user can fix are one sentence and exit code 1, never a stack trace, and redirected output is plain text.
/// </summary>
public sealed class CliProcessTests : TempFolderTest
{
    private static (int Exit, string Output, string Error) Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "searchengine.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the CLI did not finish in 2 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Searching_without_an_index_says_how_to_build_one()
    {
        var (exit, output, error) = Cli("search", "氢能", "--index", Path.Combine(Folder, "none"));
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith("searchengine: No index at", error, StringComparison.Ordinal);
        Assert.Contains("searchengine index", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_output_is_plain_text_and_a_missing_path_is_not_found()
    {
        string missing = Path.Combine(Folder, "missing-folder");
        var (exit, output, error) = Cli("index", Seeds.SeedFolder, missing, "--index", Path.Combine(Folder, "index"));
        Assert.Equal(0, exit);
        Assert.DoesNotContain('\u001b', output + error);
        Assert.Contains("Indexed 4 documents", output, StringComparison.Ordinal);
        Assert.Contains("missing-folder: not found", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported file type", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspecting_only_missing_paths_fails_with_not_found()
    {
        var (exit, output, _) = Cli("inspect", Path.Combine(Folder, "nope.txt"));
        Assert.Equal(1, exit);
        Assert.Contains("nope.txt: not found", output, StringComparison.Ordinal);
    }
}
