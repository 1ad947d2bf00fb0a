using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Web.Endpoints;

/// <summary>Search, suggestions, facet lists and the issuer × year trend.</summary>
internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Search");
        api.MapGet("/search", Search)
            .WithSummary("Search sections, with facets and highlighted snippets; sort=relevance|date_desc|date_asc (by date: newest or oldest first, undated last); expand=false matches the literal words only (expansions lists what synonyms added)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/suggest", Suggest).WithSummary("Completions of a typed prefix").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/facets", Facets).RequireRateLimiting(CostlyRequests.Policy).WithSummary("Every facet value with its number of documents");
        api.MapGet("/trend", Trend).RequireRateLimiting(CostlyRequests.Policy).WithSummary("Documents matching a query, by issuer and year")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static Results<Ok<SearchResponse>, ProblemHttpResult> Search(
        SearchService service, IOptions<WebOptions> options, HttpRequest request,
        [Description(QueryDescription)] string? q,
        [AsParameters] FilterParameters filter,
        [Description("document: one hit per document, its best section, with the others in otherSections (default); section: every matching section.")] string? group,
        [Description("relevance (default); date_desc: newest first; date_asc: oldest first (a document's date, else its year; undated last, ties by relevance).")] string? sort,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true,
        [Description("Page number, from 1."), Range(1, 1000)] int page = 1,
        [Description("Hits per page, at most SearchEngine:MaxPageSize.")] int size = 10,
        [Description("Most values listed per facet (chosen and excluded values always are)."), Range(1, SearchRequest.MaxFacetLimit)] int facetLimit = SearchRequest.DefaultFacetLimit)
    {
        var limits = options.Value;
        var order = SearchSort.Relevance;
        if ((SearchChecks.Query(q, limits) ?? SearchChecks.Between("size", size, 1, limits.MaxPageSize) ?? SearchChecks.Between("page", page, 1, 1000)
            ?? SearchChecks.Between("facetLimit", facetLimit, 1, SearchRequest.MaxFacetLimit) ?? SearchChecks.Group(group) ?? SearchChecks.Sort(sort, out order)) is { } wrong)
            return Problem(wrong);
        if (!filter.TryGetFilters(out var filters, out var error))
            return Problem(error);
        var result = service.Snapshot.Search(new SearchRequest
        {
            Query = q ?? "", Filters = filters, GroupByDocument = group != "section", Page = page, Size = size, Sort = order, Expand = expand,
            FacetLimit = facetLimit,
        });
        var response = SearchResponse.From(result);
        return TypedResults.Ok(response with { Warnings = Localization.ProblemLanguage.Warnings(request, response.Warnings) });
    }

    private static Results<Ok<IReadOnlyList<Suggestion>>, ProblemHttpResult> Suggest(SearchService service,
        [Description("The typed prefix."), MaxLength(Suggestion.MaxPrefixLength)] string? q,
        [Description("Most completions returned."), Range(1, 50)] int size = 10)
    {
        if ((q?.Length ?? 0) > Suggestion.MaxPrefixLength)
            return Problem($"The prefix is longer than {Suggestion.MaxPrefixLength} characters.");
        if (size is < 1 or > 50)
            return Problem($"size must be between 1 and 50; it was {size}.");
        return TypedResults.Ok(service.Snapshot.Suggest(q ?? "", size));
    }

    /// <summary>Facet counts for every document, or for those a query and the search's filters match.</summary>
    private static Results<Ok<IReadOnlyDictionary<string, IReadOnlyList<FacetValue>>>, ProblemHttpResult> Facets(
        SearchService service, IOptions<WebOptions> options,
        [Description(QueryDescription)] string? q,
        [AsParameters] FilterParameters filter,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true,
        [Description("Most values listed per facet (chosen and excluded values always are)."), Range(1, SearchRequest.MaxFacetLimit)] int facetLimit = SearchRequest.DefaultFacetLimit)
    {
        if ((q?.Length ?? 0) > options.Value.MaxQueryLength)
            return Problem($"The query is {q!.Length} characters long; the limit is {options.Value.MaxQueryLength}.");
        if (facetLimit is < 1 or > SearchRequest.MaxFacetLimit)
            return Problem($"facetLimit must be between 1 and {SearchRequest.MaxFacetLimit}; it was {facetLimit}.");
        if (!filter.TryGetFilters(out var filters, out var error))
            return Problem(error);
        var result = service.Snapshot.Search(new SearchRequest
        {
            Query = q ?? "", Filters = filters, MatchAllWhenEmpty = true, Size = 1, Highlight = false, Expand = expand, FacetLimit = facetLimit,
        });
        return TypedResults.Ok(result.Facets);
    }

    private static Results<Ok<IReadOnlyList<TrendCell>>, ProblemHttpResult> Trend(
        SearchService service, IOptions<WebOptions> options,
        [Description("The term whose use by issuer and year to count (required), in the query language.")] string? q,
        [AsParameters] FilterParameters filter,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true)
    {
        if (string.IsNullOrWhiteSpace(q))
            return Problem("q is required: the term whose use by issuer and year to count.");
        if (q.Length > options.Value.MaxQueryLength)
            return Problem($"The query is {q.Length} characters long; the limit is {options.Value.MaxQueryLength}.");
        if (!filter.TryGetFilters(out var filters, out var error))
            return Problem(error);
        return TypedResults.Ok(service.Snapshot.Trend(q, filters, expand));
    }

    /// <summary>The query language in one line, for the contract.</summary>
    internal const string QueryDescription = "The query: words that must all match, \"exact phrases\", -word or NOT word, parentheses, field: prefixes (title: heading: body: unit:) and filters (year: issuer: industry: region: type:). At most SearchEngine:MaxQueryLength characters.";

    internal static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
