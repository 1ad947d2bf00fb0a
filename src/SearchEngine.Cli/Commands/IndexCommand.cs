using System.CommandLine;
using System.Diagnostics;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Search.Model;
using Spectre.Console;

namespace SearchEngine.Cli.Commands;

/// <summary>`searchengine index [PATHS…] [--index DIR]`: ingest files and rebuild the index from them.</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to index (default: seeds/)", Arity = ArgumentArity.ZeroOrMore };
        var engine = new EngineOptions();
        var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many documents, so an interrupted run keeps its progress (default: once at the end)" };
        var command = new Command("index", "Ingest policy files and rebuild the index from them") { paths, commitEvery };
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["seeds"];
            string folder = engine.Folder(parse);
            // Opened before the files are read, so a folder in use is refused at once (ExpectedErrors says so), not
            // after the ingest.
            using var writer = engine.Create(parse).OpenWriter(folder);
            var clock = Stopwatch.StartNew();
            IngestReport report = null!;
            int sections = 0;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var ingest = context.AddTask("Reading files");
                    // The plan lists exactly the files read (no README.md, no hidden files), so the bar ends at 100 %.
                    var plan = PolicyFileIngester.Plan(inputs, Directory.GetCurrentDirectory());
                    ingest.MaxValue = Math.Max(1, plan.Files.Count);
                    var read = new PolicyFileIngester().Read(plan, new SyncProgress<string>(_ => ingest.Increment(1))).ToList();
                    report = PolicyFileIngester.Complete(read, clock.Elapsed);
                    ingest.Value = ingest.MaxValue;
                    var build = context.AddTask("Indexing documents", maxValue: Math.Max(1, report.Documents.Count));
                    writer.DeleteAll();
                    int every = parse.GetValue(commitEvery), added = 0;
                    var progress = new SyncProgress<int>(n => build.Increment(n));
                    foreach (var d in report.Documents)
                    {
                        var record = DocumentRecord.From(d);
                        sections += record.Sections.Count;
                        writer.AddOrUpdate(record);
                        if (every > 0 && ++added % every == 0)
                        {
                            writer.Commit(progress);
                            writer.MaybeMerge();
                        }
                    }
                    writer.Commit(progress);
                    writer.MaybeMerge();
                    build.Value = build.MaxValue;
                });
            double seconds = clock.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"Indexed [bold]{report.Documents.Count}[/] documents, [bold]{sections}[/] sections from {report.Bytes / 1e6:F2} MB in {seconds:F1} s ({report.Bytes / 1e6 / Math.Max(seconds, 1e-9):F2} MB/s) into {Markup.Escape(Path.GetFullPath(folder))}.");
            foreach (var group in report.Duplicates)
                AnsiConsole.MarkupLine($"  duplicates: {Markup.Escape(string.Join(" = ", group))} (indexed once)");
            foreach (var f in report.Failures)
                AnsiConsole.MarkupLine($"  [yellow]skipped[/] {Markup.Escape(f.Source)}: {Markup.Escape(f.Reason)}");
            return report.Documents.Count == 0 && report.Failures.Count > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>Progress reported on the calling thread (System.Progress posts to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
