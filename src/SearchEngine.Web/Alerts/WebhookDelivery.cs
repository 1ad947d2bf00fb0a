namespace SearchEngine.Web.Alerts;

/// <summary>
/// One POST owed to a saved search's receiver: the JSON body as it will be sent (signed when sent, with the saved
/// search's current secret), and how far its attempts have got.
/// </summary>
/// <param name="Id">Unique per delivery; sent as X-SearchEngine-Delivery, so a receiver can drop a repeat.</param>
/// <param name="SavedSearchId">The saved search it is for (gone: the delivery is dropped).</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Documents">How many documents it announces.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttempt">When the next attempt is due.</param>
/// <param name="LastStatus">The last attempt's outcome (an HTTP status, or the error), null before the first.</param>
/// <param name="Created">When the documents it announces were committed.</param>
internal sealed record WebhookDelivery(
    string Id, string SavedSearchId, string Body, int Documents, int Attempts, DateTimeOffset NextAttempt, string? LastStatus, DateTimeOffset Created);
