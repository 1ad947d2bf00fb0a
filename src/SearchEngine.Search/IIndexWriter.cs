using SearchEngine.Search.Model;

namespace SearchEngine.Search;

/// <summary>
/// The one writer of an index folder. Changes are buffered until <see cref="Commit"/>, which makes them durable
/// and visible at once; a crash at any point leaves the last commit searchable. Searches use
/// <see cref="Snapshot"/>, which later writes never change.
/// </summary>
public interface IIndexWriter : IDisposable
{
    /// <summary>The index folder.</summary>
    string Path { get; }

    /// <summary>What was wrong with the folder when it was opened and how it was recovered, or null.</summary>
    string? RecoveredFrom { get; }

    /// <summary>The last commit, as searches see it.</summary>
    IIndexSnapshot Snapshot { get; }

    /// <summary>Adds a document, replacing the one with the same id.</summary>
    void AddOrUpdate(DocumentRecord document);

    /// <summary>Deletes a document by id; false when neither the last commit nor the pending changes hold it.</summary>
    bool Delete(string id);

    /// <summary>True when the last commit or the pending changes hold a live document with this id.</summary>
    bool Contains(string id);

    /// <summary>Deletes every document (the next commit is empty).</summary>
    void DeleteAll();

    /// <summary>Makes the pending changes durable and visible; throws <see cref="IndexWriteException"/> when the disk refuses.</summary>
    IIndexSnapshot Commit(IProgress<int>? progress = null);

    /// <summary>Drops the pending changes.</summary>
    void Rollback();

    /// <summary>Merges segments now if the engine's policy asks for it; false when it did not.</summary>
    bool MaybeMerge();

    /// <summary>Merges segments if the engine's policy asks for it, without blocking the caller; the task ends with the merge.</summary>
    Task MergeInBackground();

    /// <summary>Merges the index down to one segment now; false when there was nothing to merge.</summary>
    bool ForceMerge();
}
