using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SearchEngine.Search.Model;
using SearchEngine.Web.Feeds;

namespace SearchEngine.Web.Endpoints;

/// <summary>
/// 订阅 — a search as an Atom feed, so a reader learns of new documents on 氢能 without searching again: the search's
/// words and filters, its documents newest first, one entry per document.
/// </summary>
internal static class FeedEndpoints
{
    public static void MapFeedEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/search.atom", Feed).WithTags("Search")
            .WithSummary("The search as an Atom feed (RFC 4287): the same q and filters as /api/search, its documents newest first (as sort=date_desc), one entry per document with its best section's snippet; an ETag answers a repeated poll with 304")
            .Produces<string>(StatusCodes.Status200OK, AtomFeedWriter.MediaType)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static Results<FileContentHttpResult, ProblemHttpResult> Feed(
        SearchService service, IOptions<WebOptions> options, HttpRequest request,
        [Description(SearchEndpoints.QueryDescription)] string? q,
        [AsParameters] FilterParameters filter,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true,
        [Description("Entries (documents) in the feed, the newest."), Range(1, 100)] int size = FeedQuery.DefaultSize)
    {
        if ((SearchChecks.Query(q, options.Value) ?? SearchChecks.Between("size", size, 1, 100)) is { } wrong)
            return SearchEndpoints.Problem(wrong);
        if (!filter.TryGetFilters(out var filters, out var error))
            return SearchEndpoints.Problem(error);

        var result = service.Snapshot.Search(new SearchRequest
        {
            Query = q ?? "", Filters = filters, GroupByDocument = true, Sort = SearchSort.DateDesc, Expand = expand, Size = size, Facets = false,
        });
        var query = new FeedQuery(q ?? "", filters, expand, size);
        var page = PageAddress.Of(request);
        string host = PageAddress.TagAuthority(request);
        string canonical = query.Canonical();
        var feed = new AtomFeed(
            Id: $"tag:{host},{AtomFeed.TagYear}:search.atom?{canonical}",
            Title: query.Title(),
            Subtitle: $"{result.TotalDocuments} 个文件，按成文日期从新到旧，列出最新 {Math.Min(size, result.TotalDocuments)} 个",
            Self: new Uri(page, "api/search.atom" + (canonical.Length > 0 ? "?" + canonical : "")),
            Alternate: new Uri(page, "?" + query.Page()),
            Site: page,
            Entries: [.. result.Hits.Select(h => AtomFeed.Entry.From(h, result.Query, page, host))]);
        byte[] body = AtomFeedWriter.Write(feed);
        // The body depends on the index alone (no time of request in it), so its hash is a validator a polling
        // reader can send back: an unchanged feed costs a 304 and no transfer.
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"");
        return TypedResults.Bytes(body, AtomFeedWriter.ContentType, entityTag: tag);
    }
}
