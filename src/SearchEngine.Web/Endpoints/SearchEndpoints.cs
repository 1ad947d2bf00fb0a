using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Index.Model;
using SearchEngine.Index.Querying;

namespace SearchEngine.Web.Endpoints;

/// <summary>Search, suggestions, facet lists and the issuer × year trend.</summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");
        api.MapGet("/search", Search)
            .WithSummary("Search sections, with facets and highlighted snippets; sort=relevance|date_desc|date_asc (by date: newest or oldest first, undated last); expand=false matches the literal words only (expansions lists what synonyms added)");
        api.MapGet("/suggest", Suggest).WithSummary("Completions of a typed prefix");
        api.MapGet("/facets", Facets).RequireRateLimiting(CostlyRequests.Policy).WithSummary("Every facet value with its number of documents");
        api.MapGet("/trend", Trend).RequireRateLimiting(CostlyRequests.Policy).WithSummary("Documents matching a query, by issuer and year");
    }

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        SearchService service, IOptions<WebOptions> options, string? q, string[]? issuer, string[]? year, string? yearFrom, string? yearTo,
        string[]? industry, string[]? region, string[]? type, string? group, string? sort, bool expand = true, int page = 1, int size = 10)
    {
        var limits = options.Value;
        if ((q?.Length ?? 0) > limits.MaxQueryLength)
            return Problem($"The query is {q!.Length} characters long; the limit is {limits.MaxQueryLength}.");
        if (size < 1 || size > limits.MaxPageSize)
            return Problem($"size must be between 1 and {limits.MaxPageSize}; it was {size}.");
        if (page is < 1 or > 1000)
            return Problem($"page must be between 1 and 1000; it was {page}.");
        if (group is not (null or "" or "document" or "section"))
            return Problem($"group must be 'document' or 'section'; it was '{group}'.");
        if (!SearchSorts.TryParse(sort, out var order))
            return Problem($"sort must be {SearchSorts.Names}; it was '{sort}'.");
        if (!TryFilters(issuer, year, yearFrom, yearTo, industry, region, type, out var filters, out var error))
            return Problem(error);
        var result = service.Searcher().Search(new SearchRequest
        {
            Query = q ?? "", Filters = filters, GroupByDocument = group != "section", Page = page, Size = size, Sort = order, Expand = expand,
        });
        return TypedResults.Ok(SearchResponse.From(result));
    }

    private static Results<Ok<IReadOnlyList<Index.Search.Suggestion>>, ProblemHttpResult> Suggest(SearchService service, string? q, int size = 10)
    {
        if ((q?.Length ?? 0) > Index.Search.Suggester.MaxPrefixLength)
            return Problem($"The prefix is longer than {Index.Search.Suggester.MaxPrefixLength} characters.");
        if (size is < 1 or > 50)
            return Problem($"size must be between 1 and 50; it was {size}.");
        return TypedResults.Ok(service.Suggester().Suggest(q ?? "", size));
    }

    /// <summary>Facet counts for every document, or for those a query and the search's filters match.</summary>
    private static Results<Ok<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>>, ProblemHttpResult> Facets(
        SearchService service, IOptions<WebOptions> options, string? q, string[]? issuer, string[]? year, string? yearFrom, string? yearTo,
        string[]? industry, string[]? region, string[]? type, bool expand = true)
    {
        if ((q?.Length ?? 0) > options.Value.MaxQueryLength)
            return Problem($"The query is {q!.Length} characters long; the limit is {options.Value.MaxQueryLength}.");
        if (!TryFilters(issuer, year, yearFrom, yearTo, industry, region, type, out var filters, out var error))
            return Problem(error);
        var result = service.Searcher().Search(new SearchRequest { Query = q ?? "", Filters = filters, MatchAllWhenEmpty = true, Size = 1, Highlight = false, Expand = expand });
        return TypedResults.Ok(result.Facets);
    }

    private static Results<Ok<IReadOnlyList<TrendCell>>, ProblemHttpResult> Trend(
        SearchService service, IOptions<WebOptions> options, string? q, string[]? issuer, string[]? year, string? yearFrom, string? yearTo,
        string[]? industry, string[]? region, string[]? type, bool expand = true)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Problem("q is required: the term whose use by issuer and year to count.");
        if (q.Length > options.Value.MaxQueryLength)
            return Problem($"The query is {q.Length} characters long; the limit is {options.Value.MaxQueryLength}.");
        if (!TryFilters(issuer, year, yearFrom, yearTo, industry, region, type, out var filters, out var error))
            return Problem(error);
        return TypedResults.Ok(service.Searcher().Trend(q, filters, expand));
    }

    /// <summary>
    /// The filters shared by search, facets and trend. The years: <c>year</c> once, a year or a range
    /// (2021, 2021..2024, 2021.., ..2024), and/or <c>yearFrom</c> / <c>yearTo</c>; given together they intersect.
    /// </summary>
    private static bool TryFilters(string[]? issuer, string[]? year, string? yearFrom, string? yearTo, string[]? industry, string[]? region, string[]? type,
        out SearchFilters filters, out string error)
    {
        error = "";
        filters = new SearchFilters { Issuers = issuer ?? [], Industries = industry ?? [], Regions = region ?? [], Types = type ?? [] };
        if (year is { Length: > 1 })
        {
            error = $"year may be given once, as a year or a range such as 2021..2024; it was given {year.Length} times ({string.Join(", ", year)}).";
            return false;
        }
        if (year is [{ Length: > 0 } range])
        {
            if (!QueryParser.TryParseYears(range, out int from, out int to))
            {
                error = $"year must be a year or a range such as 2021..2024; it was '{range}'.";
                return false;
            }
            filters = filters.And(new SearchFilters { YearFrom = from, YearTo = to });
        }
        foreach (var (name, value) in new[] { ("yearFrom", yearFrom), ("yearTo", yearTo) })
        {
            if (string.IsNullOrEmpty(value))
                continue;
            if (!QueryParser.TryParseYears(value, out int y, out int same) || y != same)
            {
                error = $"{name} must be one year between 1900 and 2200; it was '{value}'.";
                return false;
            }
            filters = filters.And(name == "yearFrom" ? new SearchFilters { YearFrom = y } : new SearchFilters { YearTo = y });
        }
        if (filters.YearFrom > filters.YearTo)
        {
            error = $"The years asked for leave no year: from {filters.YearFrom} to {filters.YearTo}.";
            return false;
        }
        return true;
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
