using System.Text.Json;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// The deliveries not yet made, one JSON file each in <c>pending/</c> (written through a temporary file and a rename),
/// so a server that stops owes the same deliveries when it starts again; a delivery given up after its last attempt
/// moves to <c>failed/</c>, where staff can see what was lost and why. Thread-safe.
/// </summary>
internal sealed class WebhookOutbox
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly string _pending;
    private readonly string _failed;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, WebhookDelivery> _due = new(StringComparer.Ordinal);

    public WebhookOutbox(string folder)
    {
        _pending = Path.Combine(folder, "pending");
        _failed = Path.Combine(folder, "failed");
        // The folders are made by the first delivery: a server nobody subscribes to writes nothing.
        if (!Directory.Exists(_pending))
            return;
        foreach (string file in Directory.GetFiles(_pending, "*.json"))
        {
            try
            {
                if (JsonSerializer.Deserialize<WebhookDelivery>(File.ReadAllText(file), Json) is { } delivery)
                    _due[delivery.Id] = delivery;
            }
            catch (JsonException)
            {
                // a file cut short by a crash before its rename cannot exist (the rename is the write); anything
                // else unreadable is set aside, not retried forever
                Directory.CreateDirectory(_failed);
                File.Move(file, Path.Combine(_failed, Path.GetFileName(file) + ".unreadable"), overwrite: true);
            }
        }
    }

    /// <summary>Deliveries waiting, soonest first.</summary>
    public IReadOnlyList<WebhookDelivery> Pending
    {
        get
        {
            lock (_lock)
                return [.. _due.Values.OrderBy(d => d.NextAttempt)];
        }
    }

    /// <summary>Deliveries given up, counted by saved search (files are named SEARCH-DELIVERY.json), in one pass over the folder.</summary>
    public Dictionary<string, int> FailedCounts() => !Directory.Exists(_failed) ? [] :
        Directory.GetFiles(_failed, "*.json").Select(f => Path.GetFileName(f).Split('-')[0])
            .GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Adds or updates a delivery (durably, before this returns).</summary>
    public void Save(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(_pending);
            string path = PathOf(_pending, delivery), temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(delivery, Json));
            File.Move(temporary, path, overwrite: true);
            _due[delivery.Id] = delivery;
        }
    }

    /// <summary>A delivery the receiver acknowledged (or whose saved search is gone): forgotten.</summary>
    public void Remove(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            _due.Remove(delivery.Id);
            File.Delete(PathOf(_pending, delivery));
        }
    }

    /// <summary>A delivery past its last attempt: kept in failed/ with its last status.</summary>
    public void GiveUp(WebhookDelivery delivery)
    {
        lock (_lock)
        {
            _due.Remove(delivery.Id);
            Directory.CreateDirectory(_failed);
            File.WriteAllText(PathOf(_failed, delivery), JsonSerializer.Serialize(delivery, Json));
            File.Delete(PathOf(_pending, delivery));
        }
    }

    private static string PathOf(string folder, WebhookDelivery delivery) => Path.Combine(folder, $"{delivery.SavedSearchId}-{delivery.Id}.json");
}
