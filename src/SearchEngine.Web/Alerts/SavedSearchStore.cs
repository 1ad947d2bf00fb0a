using System.Text.Json;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// The saved searches, in one JSON file (<see cref="WebOptions.SavedSearches"/>): read at start, rewritten whole on
/// each change through a temporary file and an atomic rename, so a crash leaves the old list or the new one.
/// </summary>
internal sealed class SavedSearchStore
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly string _path;
    private readonly Lock _lock = new();
    private List<SavedSearch> _searches;

    public SavedSearchStore(string path)
    {
        _path = path;
        _searches = File.Exists(path) ? JsonSerializer.Deserialize<List<SavedSearch>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    public IReadOnlyList<SavedSearch> All
    {
        get
        {
            lock (_lock)
                return [.. _searches];
        }
    }

    public SavedSearch? Find(string id)
    {
        lock (_lock)
            return _searches.FirstOrDefault(s => s.Id == id);
    }

    public void Add(SavedSearch search)
    {
        lock (_lock)
        {
            Write([.. _searches, search]);
        }
    }

    /// <summary>Removes a saved search; false when there is none with that id.</summary>
    public bool Remove(string id)
    {
        lock (_lock)
        {
            if (!_searches.Any(s => s.Id == id))
                return false;
            Write([.. _searches.Where(s => s.Id != id)]);
            return true;
        }
    }

    private void Write(List<SavedSearch> searches)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        string temporary = _path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, searches, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, _path, overwrite: true);
        _searches = searches;
    }
}
