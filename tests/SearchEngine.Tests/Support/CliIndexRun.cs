using System.Diagnostics;
using System.Globalization;

namespace SearchEngine.Tests.Support;

/// <summary>
/// The CLI indexing a folder of generated policy files in a process of its own, committing every few documents, or
/// merging an index, for the crash tests of each engine (which kill it at random moments).
/// </summary>
internal static class CliIndexRun
{
    /// <summary>Starts <c>searchengine index FILES --index INDEX --commit-every BATCH</c> plus <paramref name="engineArgs"/>; its output is drained.</summary>
    public static Process Start(string files, string index, int batch, params string[] engineArgs) =>
        StartCommand([.. new[] { "index", files }.Concat(engineArgs).Concat(["--index", index, "--commit-every", batch.ToString(CultureInfo.InvariantCulture)])]);

    /// <summary>Starts <c>searchengine merge --index INDEX</c>, which merges the index's segments into one.</summary>
    public static Process StartMerge(string index) => StartCommand("merge", "--index", index);

    private static Process StartCommand(params string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "searchengine.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli }.Concat(args))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Writes <paramref name="count"/> generated documents (seed <paramref name="seed"/>) as .txt files with a title, a 发文字号 and 一、 sections.</summary>
    public static void WritePolicyFiles(string folder, int seed, int count)
    {
        Directory.CreateDirectory(folder);
        foreach (var d in RandomCorpus.Generate(seed, count))
        {
            var text = new System.Text.StringBuilder();
            text.AppendLine(d.Title).AppendLine("湘政发〔2022〕" + d.Id[^3..] + "号");
            for (int i = 0; i < d.Sections.Count; i++)
                text.AppendLine(SearchEngine.Core.Text.ChineseNumeral.Format(i + 1) + "、" + d.Sections[i].HeadingPath[0][2..]).AppendLine(d.Sections[i].Body + "。");
            File.WriteAllText(Path.Combine(folder, d.Id + ".txt"), text.ToString());
        }
    }
}
