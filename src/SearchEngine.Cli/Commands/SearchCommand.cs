using System.CommandLine;
using System.Text.Json;
using SearchEngine.Index;
using SearchEngine.Index.Model;
using SearchEngine.Index.Querying;
using SearchEngine.Index.Search;

namespace SearchEngine.Cli.Commands;

/// <summary>`searchengine search QUERY [--issuer X] [--year Y] [--industry Z] [--top N] [--json]`; --json prints the API's response.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "The query: words, \"phrases\", OR, -exclude, title:, year:2021..2024, …" };
        var index = new Option<string>("--index") { Description = "Index folder (default: index/)", DefaultValueFactory = _ => "index" };
        var issuer = new Option<string[]>("--issuer") { Description = "Only this issuer (repeatable)" };
        var year = new Option<string?>("--year") { Description = "A year or range: 2022, 2021..2024" };
        var industry = new Option<string[]>("--industry") { Description = "Only this industry (repeatable)" };
        var top = new Option<int>("--top") { Description = "Number of hits", DefaultValueFactory = _ => 10 };
        var sections = new Option<bool>("--sections") { Description = "List sections instead of grouping by document" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON" };
        var command = new Command("search", "Search the index") { query, index, issuer, year, industry, top, sections, json };
        command.SetAction(parse =>
        {
            var filters = new SearchFilters { Issuers = parse.GetValue(issuer) ?? [], Industries = parse.GetValue(industry) ?? [] };
            if (parse.GetValue(year) is { } y)
            {
                if (!QueryParser.TryParseYears(y, out int from, out int to))
                {
                    Console.Error.WriteLine($"--year '{y}' is not a year or range such as 2022 or 2021..2024.");
                    return 2;
                }
                filters = filters with { YearFrom = from, YearTo = to };
            }
            var snapshot = IndexReader.OpenSnapshot(parse.GetValue(index)!);
            var result = new IndexSearcher(snapshot).Search(new SearchRequest
            {
                Query = parse.GetValue(query)!, Filters = filters, Size = Math.Clamp(parse.GetValue(top), 1, 1000), GroupByDocument = !parse.GetValue(sections),
            });
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(SearchResponse.From(result), InspectView.Json));
                return 0;
            }
            Print(result);
            return 0;
        });
        return command;
    }

    private static void Print(SearchResult result)
    {
        foreach (var w in result.Warnings)
            Console.WriteLine($"warning: {w}");
        if (result.Relaxed is { } relaxed)
        {
            Console.WriteLine(relaxed.Mode == RelaxedMatch.DocumentMode
                ? "relaxed: no section holds every word; each document below holds them across its sections"
                : $"relaxed: no section holds every word; not required: {string.Join(", ", relaxed.NotRequired)}");
        }
        Console.WriteLine($"{result.TotalDocuments} documents, {result.Total} sections ({result.TookMs:F1} ms)");
        int rank = 0;
        foreach (var hit in result.Hits)
        {
            Console.WriteLine();
            string Mark(string field) => hit.Inferred.Contains(field) ? " (inferred)" : "";
            Console.WriteLine($"{++rank}. {hit.Title}  [{string.Join("、", hit.Issuers)}{Mark("issuers")} {hit.DocumentNumber} {hit.Year}{Mark("year")}]  score {hit.Score:F2}");
            if (hit.HeadingPath.Count > 0)
                Console.WriteLine($"   {string.Join(" > ", hit.HeadingPath)}");
            Console.WriteLine($"   {System.Net.WebUtility.HtmlDecode(hit.Snippet.Replace("<mark>", "【", StringComparison.Ordinal).Replace("</mark>", "】", StringComparison.Ordinal))}");
            foreach (var other in hit.OtherSections)
                Console.WriteLine($"   also: {string.Join(" > ", other.HeadingPath)}");
        }
        foreach (var (facet, values) in result.Facets)
        {
            if (values.Count > 0)
                Console.WriteLine($"\n{facet}: {string.Join("  ", values.Take(10).Select(v => $"{v.Value} ({v.Count})"))}");
        }
    }
}
