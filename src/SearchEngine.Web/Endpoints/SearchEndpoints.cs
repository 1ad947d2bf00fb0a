using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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
        SearchService service, IOptions<WebOptions> options, string? q, string[]? issuer, string? year, int? yearFrom, int? yearTo,
        string[]? industry, string[]? region, string[]? type, string? group, string? sort, [AsParameters] Exclusions not, bool expand = true, int page = 1, int size = 10,
        int facetLimit = SearchRequest.DefaultFacetLimit)
    {
        var limits = options.Value;
        if ((q?.Length ?? 0) > limits.MaxQueryLength)
            return Problem($"The query is {q!.Length} characters long; the limit is {limits.MaxQueryLength}.");
        if (size < 1 || size > limits.MaxPageSize)
            return Problem($"size must be between 1 and {limits.MaxPageSize}; it was {size}.");
        if (page is < 1 or > 1000)
            return Problem($"page must be between 1 and 1000; it was {page}.");
        if (facetLimit is < 1 or > SearchRequest.MaxFacetLimit)
            return Problem($"facetLimit must be between 1 and {SearchRequest.MaxFacetLimit}; it was {facetLimit}.");
        if (group is not (null or "" or "document" or "section"))
            return Problem($"group must be 'document' or 'section'; it was '{group}'.");
        if (!SearchSorts.TryParse(sort, out var order))
            return Problem($"sort must be {SearchSorts.Names}; it was '{sort}'.");
        if (!TryFilters(issuer, year, yearFrom, yearTo, industry, region, type, out var filters, out var error))
            return Problem(error);
        var result = service.Searcher().Search(new SearchRequest
        {
            Query = q ?? "", Filters = not.AddTo(filters), GroupByDocument = group != "section", Page = page, Size = size, Sort = order, Expand = expand,
            FacetLimit = facetLimit,
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

    private static Results<Ok<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>>, ProblemHttpResult> Facets(
        SearchService service, int facetLimit = SearchRequest.DefaultFacetLimit)
    {
        if (facetLimit is < 1 or > SearchRequest.MaxFacetLimit)
            return Problem($"facetLimit must be between 1 and {SearchRequest.MaxFacetLimit}; it was {facetLimit}.");
        var result = service.Searcher().Search(new SearchRequest { MatchAllWhenEmpty = true, Size = 1, Highlight = false, FacetLimit = facetLimit });
        return TypedResults.Ok(result.Facets);
    }

    private static Results<Ok<IReadOnlyList<TrendCell>>, ProblemHttpResult> Trend(
        SearchService service, IOptions<WebOptions> options, string? q, string[]? issuer, string? year, string[]? industry, string[]? region, string[]? type)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Problem("q is required: the term whose use by issuer and year to count.");
        if (q.Length > options.Value.MaxQueryLength)
            return Problem($"The query is {q.Length} characters long; the limit is {options.Value.MaxQueryLength}.");
        if (!TryFilters(issuer, year, null, null, industry, region, type, out var filters, out var error))
            return Problem(error);
        return TypedResults.Ok(service.Searcher().Trend(q, filters));
    }

    private static bool TryFilters(string[]? issuer, string? year, int? yearFrom, int? yearTo, string[]? industry, string[]? region, string[]? type,
        out SearchFilters filters, out string error)
    {
        error = "";
        filters = new SearchFilters { Issuers = issuer ?? [], Industries = industry ?? [], Regions = region ?? [], Types = type ?? [], YearFrom = yearFrom, YearTo = yearTo };
        if (string.IsNullOrEmpty(year))
            return true;
        if (!QueryParser.TryParseYears(year, out int from, out int to))
        {
            error = $"year must be a year or a range such as 2021..2024; it was '{year}'.";
            return false;
        }
        filters = filters with { YearFrom = from, YearTo = to };
        return true;
    }

    /// <summary>Excluded facet values (排除): issuer_not=, industry_not=, region_not=, type_not=, each repeatable.</summary>
    internal readonly record struct Exclusions(
        [FromQuery(Name = "issuer_not")] string[]? Issuers,
        [FromQuery(Name = "industry_not")] string[]? Industries,
        [FromQuery(Name = "region_not")] string[]? Regions,
        [FromQuery(Name = "type_not")] string[]? Types)
    {
        public SearchFilters AddTo(SearchFilters filters) => filters with
        {
            ExcludedIssuers = Issuers ?? [], ExcludedIndustries = Industries ?? [], ExcludedRegions = Regions ?? [], ExcludedTypes = Types ?? [],
        };
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
