using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// Sends the outbox's deliveries: a signed JSON POST to the saved search's URL (<see cref="WebhookSignature"/>);
/// a 2xx answer completes it, anything else (another status, a timeout, a refused connection) schedules a retry after
/// <see cref="WebOptions.WebhookRetrySeconds"/>, four times longer each time, until
/// <see cref="WebOptions.WebhookMaxAttempts"/> attempts, when it is given up. Redirects are not followed: a signed
/// delivery goes where the saved search says, nowhere else.
/// </summary>
internal sealed partial class WebhookSender(WebhookOutbox outbox, SavedSearchStore searches, IOptions<WebOptions> options, ILogger<WebhookSender> logger)
    : BackgroundService
{
    /// <summary>Outcomes kept per saved search for the staff's view.</summary>
    private const int OutcomesKept = 20;

    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own (WebhookTimeoutSeconds)
    };

    private readonly SemaphoreSlim _wake = new(0);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DeliveryOutcome>> _outcomes = new(StringComparer.Ordinal);

    /// <summary>A delivery was added to the outbox: look at it now rather than at the next due retry.</summary>
    public void Wake() => _wake.Release();

    /// <summary>The latest attempts at a saved search's deliveries, newest first.</summary>
    public IReadOnlyList<DeliveryOutcome> Outcomes(string savedSearchId) =>
        _outcomes.TryGetValue(savedSearchId, out var queue) ? [.. queue.Reverse()] : [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var delivery in outbox.Pending.Where(d => d.NextAttempt <= DateTimeOffset.UtcNow))
                await Attempt(delivery, stoppingToken);
            var pending = outbox.Pending;
            DateTimeOffset? next = pending.Count > 0 ? pending[0].NextAttempt : null;
            var wait = next is null ? Timeout.InfiniteTimeSpan : next.Value - DateTimeOffset.UtcNow;
            if (wait != Timeout.InfiniteTimeSpan && wait < TimeSpan.Zero)
                continue;
            try
            {
                await _wake.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task Attempt(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        if (searches.Find(delivery.SavedSearchId) is not { } search)
        {
            outbox.Remove(delivery); // the saved search was deleted: nobody wants these any more
            return;
        }
        var limits = options.Value;
        int attempt = delivery.Attempts + 1;
        string status;
        bool delivered;
        try
        {
            long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, search.Url)
            {
                Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(search.Secret, timestamp, delivery.Body));
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
            request.Headers.Add(WebhookSignature.EventHeader, NewDocumentAlerts.EventName);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(0.1, limits.WebhookTimeoutSeconds)));
            using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivered = response.IsSuccessStatusCode;
            status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            (delivered, status) = (false, "timeout");
        }
        catch (HttpRequestException e)
        {
            (delivered, status) = (false, e.HttpRequestError.ToString());
        }
        catch (OperationCanceledException)
        {
            return; // the server is stopping: the delivery stays due, and is sent after the next start
        }
        string outcome;
        if (delivered)
        {
            outbox.Remove(delivery);
            outcome = "delivered";
        }
        else if (attempt >= Math.Max(1, limits.WebhookMaxAttempts))
        {
            outbox.GiveUp(delivery with { Attempts = attempt, LastStatus = status });
            LogGivenUp(logger, delivery.Id, search.Id, attempt, status);
            outcome = "failed";
        }
        else
        {
            var retry = TimeSpan.FromSeconds(Math.Max(0.05, limits.WebhookRetrySeconds) * Math.Pow(4, attempt - 1));
            outbox.Save(delivery with { Attempts = attempt, LastStatus = status, NextAttempt = DateTimeOffset.UtcNow + retry });
            outcome = "retrying";
        }
        var queue = _outcomes.GetOrAdd(search.Id, _ => new ConcurrentQueue<DeliveryOutcome>());
        queue.Enqueue(new DeliveryOutcome(delivery.Id, delivery.Documents, attempt, outcome, status, DateTimeOffset.UtcNow));
        while (queue.Count > OutcomesKept)
            queue.TryDequeue(out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {Delivery} of saved search {Search} given up after {Attempts} attempts; last: {Status}")]
    private static partial void LogGivenUp(ILogger logger, string delivery, string search, int attempts, string status);
}
