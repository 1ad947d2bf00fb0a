using Microsoft.AspNetCore.Http.HttpResults;
using SearchEngine.Index.Model;
using SearchEngine.Index.Querying;

namespace SearchEngine.Web.Endpoints;

/// <summary>GET /api/search and /api/suggest. The full API (uploads, trend, document highlighting) is issue 5.</summary>
internal static class SearchEndpoints
{
    public const int MaxQueryLength = 500;
    public const int MaxPageSize = 100;

    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search);
        app.MapGet("/api/suggest", (string? q, SearchService service) => TypedResults.Ok(service.Suggester().Suggest(q ?? "")));
    }

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        SearchService service, string? q, string[]? issuer, string? year, int? yearFrom, int? yearTo, string[]? industry,
        string[]? region, string[]? type, string? group, int page = 1, int size = 10)
    {
        if ((q?.Length ?? 0) > MaxQueryLength)
            return Problem($"The query is {q!.Length} characters long; the limit is {MaxQueryLength}.");
        if (size is < 1 or > MaxPageSize)
            return Problem($"size must be between 1 and {MaxPageSize}; it was {size}.");
        if (page is < 1 or > 1000)
            return Problem($"page must be between 1 and 1000; it was {page}.");
        if (group is not (null or "document" or "section"))
            return Problem($"group must be 'document' or 'section'; it was '{group}'.");
        var filters = new SearchFilters { Issuers = issuer ?? [], Industries = industry ?? [], Regions = region ?? [], Types = type ?? [], YearFrom = yearFrom, YearTo = yearTo };
        if (year is not null)
        {
            if (!QueryParser.TryParseYears(year, out int from, out int to))
                return Problem($"year must be a year or a range such as 2021..2024; it was '{year}'.");
            filters = filters with { YearFrom = from, YearTo = to };
        }
        var result = service.Searcher().Search(new SearchRequest
        {
            Query = q ?? "", Filters = filters, GroupByDocument = group != "section", Page = page, Size = size,
        });
        return TypedResults.Ok(SearchResponse.From(result));
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid search request");
}
