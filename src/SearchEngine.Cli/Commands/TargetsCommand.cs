using System.CommandLine;
using System.Text.Json;
using SearchEngine.Core.Targets;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;
using SearchEngine.Search.Targets;

namespace SearchEngine.Cli.Commands;

/// <summary>
/// `searchengine targets [INDICATOR] [--region R] [--issuer X] [--year Y] [--target-year 2025] [--in-sentence] [--json]`:
/// the plan targets (规划目标) the index holds for an indicator, as /api/targets gives them — "which plans set a
/// target for 研发经费" from a shell.
/// </summary>
internal static class TargetsCommand
{
    public static Command Create()
    {
        var query = new Argument<string?>("indicator") { Description = "The indicator's words (研发经费, 高新技术企业); empty: every target under the filters", Arity = ArgumentArity.ZeroOrOne };
        var engine = new EngineOptions();
        var issuer = new Option<string[]>("--issuer") { Description = "Only this issuer (repeatable)" };
        var region = new Option<string[]>("--region") { Description = "Only this region, e.g. 湖南省 (repeatable)" };
        var year = new Option<string?>("--year") { Description = "Documents of a year or range: 2022, 2021..2024" };
        var targetYear = new Option<int?>("--target-year") { Description = "Only targets for this year (到2025年 gives 2025)" };
        var inSentence = new Option<bool>("--in-sentence") { Description = "Match the words anywhere in the target's sentence, not only its indicator" };
        var json = new Option<bool>("--json") { Description = "Print the targets as JSON" };
        var command = new Command("targets", "List the plan targets (规划目标) the index holds for an indicator") { query, issuer, region, year, targetYear, inSentence, json };
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            var filters = new SearchFilters { Issuers = parse.GetValue(issuer) ?? [], Regions = parse.GetValue(region) ?? [] };
            if (parse.GetValue(year) is { } y)
            {
                if (!QueryParser.TryParseYears(y, out int from, out int to))
                {
                    Console.Error.WriteLine($"--year '{y}' is not a year or range such as 2022 or 2021..2024.");
                    return 2;
                }
                filters = filters with { YearFrom = from, YearTo = to };
            }
            var snapshot = engine.Create(parse).OpenReader(engine.Folder(parse), out _);
            var answer = TargetSearch.Find(snapshot, new TargetRequest
            {
                Query = parse.GetValue(query) ?? "", Filters = filters, InSentence = parse.GetValue(inSentence), TargetYear = parse.GetValue(targetYear),
            });
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(answer.Targets.Select(t => new
                {
                    t.DocumentId, t.Title, t.Issuers, t.Region, t.Target.Indicator, Kind = t.Target.Kind.ToString(), Comparison = t.Target.Comparison.ToString(),
                    t.Target.Value, t.Target.ValueMax, t.Target.Unit, TargetYear = t.Target.Year, t.Target.Sentence,
                }), InspectView.Json));
                return 0;
            }
            foreach (var w in answer.Warnings)
                Console.WriteLine($"warning: {w}");
            Console.WriteLine($"{answer.Targets.Count} targets in {answer.Documents} documents{(answer.Truncated ? $" (the {answer.SectionsRead} best matching sections read)" : "")}");
            foreach (var group in answer.Targets.GroupBy(t => t.DocumentId))
            {
                var first = group.First();
                Console.WriteLine();
                Console.WriteLine($"{first.Title}  {string.Join("、", first.Issuers)}  {first.DocumentNumber}  {first.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? first.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                foreach (var t in group)
                    Console.WriteLine($"  {t.Target.Indicator}: {Describe(t.Target)}{(t.Target.Year is { } ty ? $" ({ty})" : "")}  — {string.Join(" > ", t.HeadingPath)}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>A target's value as a reader says it: 增长 ≥12%, 约5万人, 60–65%.</summary>
    internal static string Describe(PlanTarget t)
    {
        string kind = t.Kind switch { TargetKind.Increase => "增长 ", TargetKind.Decrease => "下降 ", _ => "" };
        string bound = t.Comparison switch { TargetComparison.AtLeast => "≥", TargetComparison.AtMost => "≤", TargetComparison.About => "约", _ => "" };
        string value = t.ValueMax is { } max ? $"{t.Value}–{max}" : $"{t.Value}";
        return $"{kind}{bound}{value}{t.Unit}";
    }
}
