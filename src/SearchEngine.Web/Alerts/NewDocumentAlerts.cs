using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SearchEngine.Search.Model;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// Tells saved searches about the documents a commit added (an upload, a replacement, a build's batch): each saved
/// search runs, restricted to those documents (<see cref="SearchFilters.Documents"/>), on the commit's snapshot, and
/// the documents it matches go into one delivery (at most <see cref="DocumentsPerDelivery"/>) in the outbox. Runs
/// off the writer's path: a commit hands the ids over and returns.
/// </summary>
internal sealed partial class NewDocumentAlerts : BackgroundService
{
    public const string EventName = "documents.matched";

    /// <summary>Most documents one delivery announces; a larger batch gives several.</summary>
    internal const int DocumentsPerDelivery = 100;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // JSON, not HTML: snippets are escaped already
    };

    private readonly Channel<IReadOnlyList<string>> _added = Channel.CreateUnbounded<IReadOnlyList<string>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SearchService _service;
    private readonly SavedSearchStore _searches;
    private readonly WebhookOutbox _outbox;
    private readonly WebhookSender _sender;
    private readonly IOptions<WebOptions> _options;
    private readonly ILogger<NewDocumentAlerts> _logger;

    public NewDocumentAlerts(SearchService service, SavedSearchStore searches, WebhookOutbox outbox, WebhookSender sender, IOptions<WebOptions> options, ILogger<NewDocumentAlerts> logger)
    {
        (_service, _searches, _outbox, _sender, _options, _logger) = (service, searches, outbox, sender, options, logger);
        service.DocumentsAdded += ids => _added.Writer.TryWrite(ids);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var ids in _added.Reader.ReadAllAsync(stoppingToken))
            {
                foreach (var search in _searches.All)
                {
                    try
                    {
                        Match(search, ids);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogMatchFailed(_logger, search.Id, e);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the server is stopping
        }
    }

    private void Match(SavedSearch search, IReadOnlyList<string> ids)
    {
        if (!SavedSearchQuery.TryParse(search.Search, _options.Value, out string query, out var filters, out bool expand, out _))
            return; // checked when saved; a limit lowered since makes it inert rather than wrong
        var snapshot = _service.Snapshot;
        foreach (var chunk in ids.Chunk(DocumentsPerDelivery))
        {
            var result = snapshot.Search(new SearchRequest
            {
                Query = query, Filters = filters with { Documents = chunk }, Expand = expand, GroupByDocument = true,
                Size = chunk.Length, Facets = false, MatchAllWhenEmpty = true,
            });
            if (result.Hits.Count == 0)
                continue;
            string id = Guid.NewGuid().ToString("N");
            string baseUrl = _options.Value.PublicUrl.TrimEnd('/');
            var body = new
            {
                @event = EventName,
                delivery = id,
                savedSearch = new { search.Id, search.Name, search.Search },
                generation = snapshot.Generation,
                committedAt = DateTimeOffset.UtcNow,
                documents = result.Hits.Select(h => new
                {
                    id = h.DocumentId, h.Title, h.Issuers, h.DocumentNumber, h.Date, h.Year, h.Region, h.Type, h.Industries,
                    section = h.SectionId, h.HeadingPath, h.Snippet,
                    url = $"{baseUrl}/{SearchResponse.PageLink(h.DocumentId, h.SectionId, query)}",
                }),
            };
            _outbox.Save(new WebhookDelivery(id, search.Id, JsonSerializer.Serialize(body, Json), result.Hits.Count, 0, DateTimeOffset.UtcNow, null, DateTimeOffset.UtcNow));
            _sender.Wake();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Saved search {Search} could not be matched against new documents")]
    private static partial void LogMatchFailed(ILogger logger, string search, Exception exception);
}
