namespace SearchEngine.Web;

/// <summary>
/// The documents deleted (by DELETE, or replaced by an upload under another id) while a first build runs, kept in
/// a file beside the build's marker. A build stopped part way reads its sources again at the next start and adds
/// every document it reads, so without this record a document a person deleted meanwhile would come back; the
/// build leaves out the ids listed here. An id is written and synced before its deletion commits: a crash between
/// the two leaves the document in the index (the delete was never acknowledged) and out of the rest of the build.
/// Thread-safe; the caller serialises writes with its write lock, the build reads under the same lock.
/// </summary>
internal sealed class BuildDeletions
{
    /// <summary>The file's name, beside <see cref="SearchService.BuildMarker"/>; no engine names its files so.</summary>
    internal const string FileName = "BUILDING.deleted";

    private readonly string _path;
    private readonly HashSet<string> _ids;

    private BuildDeletions(string path, HashSet<string> ids) => (_path, _ids) = (path, ids);

    /// <summary>The record of the build in <paramref name="indexFolder"/>: what an earlier run of it listed, or none.</summary>
    public static BuildDeletions Open(string indexFolder)
    {
        string path = Path.Combine(indexFolder, FileName);
        var ids = File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal);
        return new BuildDeletions(path, ids);
    }

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Lists a document about to be deleted, durably, before its deletion commits.</summary>
    public void Deleted(string id)
    {
        if (!_ids.Add(id))
            return;
        using var file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.None);
        byte[] line = System.Text.Encoding.UTF8.GetBytes(id + "\n");
        file.Write(line);
        file.Flush(flushToDisk: true);
    }

    /// <summary>A document added again under a listed id (an upload) is the person's to keep: the build may replace it, as it would any upload.</summary>
    public void Added(string id)
    {
        if (!_ids.Remove(id))
            return;
        string temporary = _path + ".tmp";
        File.WriteAllLines(temporary, _ids);
        using (var file = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite))
            file.Flush(flushToDisk: true);
        File.Move(temporary, _path, overwrite: true);
    }

    /// <summary>Removes the record of a build that finished (after its marker, so a crash between the two loses nothing).</summary>
    public static void Remove(string indexFolder)
    {
        string path = Path.Combine(indexFolder, FileName);
        if (File.Exists(path))
            File.Delete(path);
    }
}
