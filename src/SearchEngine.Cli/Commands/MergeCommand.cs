using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;

namespace SearchEngine.Cli.Commands;

/// <summary>`searchengine merge [--index DIR]`: merge every segment of an index into one, dropping deleted documents.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var command = new Command("merge", "Merge the index's segments into one (a compact index after many small commits)");
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            string folder = engine.Folder(parse);
            using var writer = engine.Create(parse).OpenWriter(folder);
            var clock = Stopwatch.StartNew();
            bool merged = writer.ForceMerge();
            AnsiConsole.MarkupLine(merged
                ? $"Merged {Markup.Escape(Path.GetFullPath(folder))} into one segment of {writer.Snapshot.DocumentCount} documents in {clock.Elapsed.TotalSeconds:F1} s."
                : $"Nothing to merge in {Markup.Escape(Path.GetFullPath(folder))}.");
            return 0;
        });
        return command;
    }
}
