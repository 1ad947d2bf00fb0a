using System.CommandLine;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Cli.Commands;

/// <summary>`searchengine inspect PATH… [--json]`: ingest files or folders and show what was understood.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to ingest", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print the documents as JSON" };
        var text = new Option<bool>("--text") { Description = "Also print each document's clean text, as the section splitter and metadata reader see it" };
        var command = new Command("inspect", "Ingest policy files and show metadata, section tree, units, industries, plan targets and duplicates")
        {
            paths, json, text,
        };
        command.SetAction(parse =>
        {
            var report = new PolicyFileIngester().Ingest(parse.GetValue(paths)!, Directory.GetCurrentDirectory());
            if (parse.GetValue(json))
                Console.Out.WriteLine(InspectView.Serialize(report));
            else
                PrintText(report, parse.GetValue(text));
            return report.Documents.Count == 0 && report.Failures.Count > 0 ? 1 : 0;
        });
        return command;
    }

    private static void PrintText(IngestReport report, bool withText)
    {
        foreach (var d in report.Documents)
        {
            var m = d.Metadata;
            Console.WriteLine($"{d.Source}  [{d.Format}]");
            Console.WriteLine($"  标题 title:      {m.Title?.Value}");
            if (m.NoticeTitle is not null)
                Console.WriteLine($"  通知 notice:     {m.NoticeTitle.Value}");
            Console.WriteLine($"  发文机关 issuer: {string.Join(", ", m.Issuers.Select(i => $"{i.Value}{Mark(i.Provenance)}"))}");
            if (m.ForwardedFrom.Count > 0)
                Console.WriteLine($"  转发 forwards:   {string.Join(", ", m.ForwardedFrom.Select(f => f.Value))}");
            Console.WriteLine($"  发文字号 number: {m.DocumentNumber?.Value}{Mark(m.DocumentNumber?.Provenance)}{(m.IndexNumber is { } index ? $"   索引号 index: {index.Value}" : "")}");
            if (m.CitedNumbers.Count > 0)
                Console.WriteLine($"  引用 cites:      {string.Join(", ", m.CitedNumbers.Take(6).Select(c => c.Value))}{(m.CitedNumbers.Count > 6 ? $" … ({m.CitedNumbers.Count})" : "")}");
            Console.WriteLine($"  成文日期 signed: {m.SigningDate?.Value:yyyy-MM-dd}   发布 published: {m.PublicationDate?.Value:yyyy-MM-dd}{(m.EffectiveDate is { } effective ? $"   施行 effective: {effective.Value:yyyy-MM-dd}" : "")}");
            Console.WriteLine($"  年份 year:       {m.Year?.Value}{Mark(m.Year?.Provenance)}   地区 region: {m.Region?.Value.Name}{Mark(m.Region?.Provenance)}   文种 type: {m.DocumentType?.Value}");
            Console.WriteLine($"  产业 industries: {string.Join(", ", d.Industries)}");
            if (d.AlternateSources.Count > 0)
                Console.WriteLine($"  duplicates:      {string.Join(", ", d.AlternateSources)}");
            foreach (var s in d.Sections.Where(s => s.Level != HeadingLevel.Preamble))
            {
                string units = s.Units.Count > 0 ? $"  units: {string.Join("、", s.Units.Select(u => u.IsLead ? u.Name + "(牵头)" : u.Name))}" : "";
                string industries = s.Industries.Count > 0 ? $"  [{string.Join(", ", s.Industries)}]" : "";
                Console.WriteLine($"  {new string(' ', s.Depth * 2)}{s.Heading}{industries}{units}");
            }
            if (d.Targets.Count > 0)
                Console.WriteLine($"  目标 targets:    {d.Targets.Count}");
            foreach (var t in d.Targets)
                Console.WriteLine($"    {t.Indicator}: {TargetsCommand.Describe(t)}{(t.Year is { } year ? $" ({year})" : "")}  §{t.Section}");
            if (withText)
                Console.WriteLine($"  ---- clean text ----\n{d.Text}\n  ---- end ----");
            Console.WriteLine();
        }
        foreach (var f in report.Failures)
            Console.WriteLine($"skipped {f.Source}: {f.Reason}");
        foreach (var w in report.Warnings)
            Console.WriteLine($"warning {w.Source}: {w.Reason}");
    }

    private static string Mark(Provenance? provenance) => provenance == Provenance.Inferred ? " (inferred)" : "";
}
