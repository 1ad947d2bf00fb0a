using System.CommandLine;
using System.Text.Json;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Cli.Commands;

/// <summary>
/// `searchengine search QUERY [--issuer X] [--year Y] [--industry Z] [--region R] [--type T] [--sort date_desc] [--no-expand] [--top N] [--page P] [--json]`;
/// --json prints the API's response.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "The query: words, \"phrases\", OR, -exclude, title:, year:2021..2024, …" };
        var engine = new EngineOptions();
        var issuer = new Option<string[]>("--issuer") { Description = "Only this issuer (repeatable)" };
        var year = new Option<string?>("--year") { Description = "A year or range: 2022, 2021..2024" };
        var industry = new Option<string[]>("--industry") { Description = "Only this industry (repeatable)" };
        var region = new Option<string[]>("--region") { Description = "Only this region, e.g. 湖南省 (repeatable)" };
        var type = new Option<string[]>("--type") { Description = "Only this document type, e.g. 规划 or 通知 (repeatable)" };
        var top = new Option<int>("--top") { Description = "Number of hits per page", DefaultValueFactory = _ => 10 };
        var page = new Option<int>("--page") { Description = "Page of hits, from 1", DefaultValueFactory = _ => 1 };
        var sections = new Option<bool>("--sections") { Description = "List sections instead of grouping by document" };
        var sort = new Option<string>("--sort") { Description = "relevance (default), date_desc (newest first) or date_asc (oldest first); undated documents last", DefaultValueFactory = _ => SearchSorts.Relevance };
        var noExpand = new Option<bool>("--no-expand") { Description = "Match only the literal words, without synonyms" };
        var json = new Option<bool>("--json") { Description = "Print the response as JSON" };
        var command = new Command("search", "Search the index") { query, issuer, year, industry, region, type, top, page, sections, sort, noExpand, json };
        engine.AddTo(command);
        command.SetAction(parse =>
        {
            var filters = new SearchFilters
            {
                Issuers = parse.GetValue(issuer) ?? [], Industries = parse.GetValue(industry) ?? [],
                Regions = parse.GetValue(region) ?? [], Types = parse.GetValue(type) ?? [],
            };
            if (parse.GetValue(page) is < 1 or > 1000)
            {
                Console.Error.WriteLine($"--page must be between 1 and 1000; it was {parse.GetValue(page)}.");
                return 2;
            }
            if (parse.GetValue(year) is { } y)
            {
                if (!QueryParser.TryParseYears(y, out int from, out int to))
                {
                    Console.Error.WriteLine($"--year '{y}' is not a year or range such as 2022 or 2021..2024.");
                    return 2;
                }
                filters = filters with { YearFrom = from, YearTo = to };
            }
            if (!SearchSorts.TryParse(parse.GetValue(sort), out var order))
            {
                Console.Error.WriteLine($"--sort '{parse.GetValue(sort)}' is not a sort: use {SearchSorts.Names}.");
                return 2;
            }
            var snapshot = engine.Create(parse).OpenReader(engine.Folder(parse), out _);
            var result = snapshot.Search(new SearchRequest
            {
                Query = parse.GetValue(query)!, Filters = filters, Size = Math.Clamp(parse.GetValue(top), 1, 1000), Page = parse.GetValue(page), GroupByDocument = !parse.GetValue(sections),
                Sort = order, Expand = !parse.GetValue(noExpand),
            });
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(SearchResponse.From(result), InspectView.Json));
                return 0;
            }
            Print(result, (parse.GetValue(page) - 1) * Math.Clamp(parse.GetValue(top), 1, 1000));
            return 0;
        });
        return command;
    }

    /// <summary>Prints the hits numbered from <paramref name="skipped"/> + 1, so page 2 goes on where page 1 stopped.</summary>
    private static void Print(SearchResult result, int skipped)
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
        foreach (var e in result.Expansions)
            Console.WriteLine($"also matching {e.Term}: {string.Join("、", e.Alternatives)} (--no-expand for the word alone)");
        int rank = skipped;
        foreach (var hit in result.Hits)
        {
            Console.WriteLine();
            string Mark(string field) => hit.Inferred.Contains(field) ? " (inferred)" : "";
            Console.WriteLine($"{++rank}. {hit.Title}  [{string.Join("、", hit.Issuers)}{Mark("issuers")} {hit.DocumentNumber} {(hit.Date is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : hit.Year)}{Mark(hit.Date is null ? "year" : "date")}]  score {hit.Score:F2}");
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
