using System.ComponentModel;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Web.Alerts;
using SearchEngine.Web.OpenApi;

namespace SearchEngine.Web.Endpoints;

/// <summary>订阅 — saved searches whose new matches are POSTed to a webhook; all behind the API key (they hold URLs and secrets).</summary>
internal static class SavedSearchEndpoints
{
    internal const int MaxNameLength = 100;
    internal const int MaxUrlLength = 2000;
    internal const int MinSecretLength = 16;
    internal const int MaxSecretLength = 200;

    public static void MapSavedSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/saved-searches").WithTags("Saved searches");
        api.MapPost("/", Create).RequireApiKey()
            .WithSummary("Save a search (the page's query string: q and the search's filters) with a webhook URL: documents an upload or an index run adds that the search matches are POSTed there as JSON, signed (X-SearchEngine-Signature: sha256=HMAC of TIMESTAMP.BODY under the secret; X-SearchEngine-Timestamp, X-SearchEngine-Delivery), retried with backoff. The secret is returned once.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/", List).RequireApiKey().WithSummary("The saved searches, with their pending and failed deliveries and latest attempts (no secrets)");
        api.MapGet("/{id}", Get).RequireApiKey().WithSummary("One saved search with its deliveries").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id}", Delete).RequireApiKey().WithSummary("Delete a saved search (its pending deliveries are dropped)").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>What a client sends to save a search.</summary>
    /// <param name="Name">A label, at most 100 characters.</param>
    /// <param name="Search">The search as the page's query string (q=氢能&amp;region=湖南省&amp;year=2021..).</param>
    /// <param name="Url">The receiver, an absolute http or https URL.</param>
    /// <param name="Secret">The signing key, 16 to 200 characters; omitted: one is generated and returned.</param>
    internal sealed record SavedSearchRequest(
        [property: Description("A label, at most 100 characters.")] string? Name,
        [property: Description("The search as the page's query string, e.g. q=氢能&region=湖南省&year=2021..")] string? Search,
        [property: Description("The receiver: an absolute http or https URL.")] string? Url,
        [property: Description("The signing key, 16 to 200 characters; omitted: one is generated and returned once.")] string? Secret);

    /// <summary>A saved search as listed: no secret.</summary>
    internal sealed record SavedSearchView(string Id, string Name, string Search, string Url, DateTimeOffset Created, int Pending, int Failed, IReadOnlyList<DeliveryOutcome> Recent);

    /// <summary>A saved search just created: the only answer that shows its secret.</summary>
    internal sealed record CreatedSavedSearch(string Id, string Name, string Search, string Url, DateTimeOffset Created, string Secret);

    private static Results<Created<CreatedSavedSearch>, ProblemHttpResult> Create(SavedSearchRequest body, SavedSearchStore store, IOptions<WebOptions> options)
    {
        var limits = options.Value;
        string name = (body.Name ?? "").Trim(), search = (body.Search ?? "").Trim(), url = (body.Url ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength)
            return Problem($"name is required, at most {MaxNameLength} characters; it was {name.Length}.");
        if (search.Length == 0)
            return Problem("search is required: the page's query string, such as q=氢能&region=湖南省.");
        if (!SavedSearchQuery.TryParse(search, limits, out _, out _, out _, out string error))
            return Problem(error);
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var receiver) || receiver.Scheme is not ("http" or "https"))
            return Problem("url must be an absolute http or https URL.");
        if (limits.WebhookHosts.Length > 0 && !limits.WebhookHosts.Contains(receiver.Host, StringComparer.OrdinalIgnoreCase))
            return Problem($"url's host '{receiver.Host}' is not among the hosts webhooks may go to (SearchEngine:WebhookHosts).");
        string secret = body.Secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        if (secret.Length is < MinSecretLength or > MaxSecretLength)
            return Problem($"secret must be {MinSecretLength} to {MaxSecretLength} characters; it was {secret.Length}.");
        if (store.All.Count >= limits.MaxSavedSearches)
            return Problem($"The server keeps at most {limits.MaxSavedSearches} saved searches; delete one first.");
        var saved = new SavedSearch(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), name, search, receiver.AbsoluteUri, secret, DateTimeOffset.UtcNow);
        store.Add(saved);
        return TypedResults.Created($"/api/saved-searches/{saved.Id}", new CreatedSavedSearch(saved.Id, saved.Name, saved.Search, saved.Url, saved.Created, saved.Secret));
    }

    private static Ok<IReadOnlyList<SavedSearchView>> List(SavedSearchStore store, WebhookOutbox outbox, WebhookSender sender)
    {
        // the outbox read once for the whole list, not once per saved search
        var pending = outbox.Pending.CountBy(d => d.SavedSearchId).ToDictionary(StringComparer.Ordinal);
        var failed = outbox.FailedCounts();
        return TypedResults.Ok<IReadOnlyList<SavedSearchView>>([.. store.All.Select(s => View(s, pending, failed, sender))]);
    }

    private static Results<Ok<SavedSearchView>, ProblemHttpResult> Get(
        [Description("The saved search's id.")] string id, SavedSearchStore store, WebhookOutbox outbox, WebhookSender sender) =>
        store.Find(id) is { } saved
            ? TypedResults.Ok(View(saved, outbox.Pending.CountBy(d => d.SavedSearchId).ToDictionary(StringComparer.Ordinal), outbox.FailedCounts(), sender))
            : NotFound(id);

    private static Results<NoContent, ProblemHttpResult> Delete([Description("The saved search's id.")] string id, SavedSearchStore store) =>
        store.Remove(id) ? TypedResults.NoContent() : NotFound(id);

    private static SavedSearchView View(SavedSearch s, Dictionary<string, int> pending, Dictionary<string, int> failed, WebhookSender sender) =>
        new(s.Id, s.Name, s.Search, s.Url, s.Created, pending.GetValueOrDefault(s.Id), failed.GetValueOrDefault(s.Id), sender.Outcomes(s.Id));

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No saved search has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Saved search not found");

    private static ProblemHttpResult Problem(string detail) => SearchEndpoints.Problem(detail);
}
