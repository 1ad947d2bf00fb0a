using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>
/// Opens the segments and deletions a commit names, reusing readers already open for unchanged segments, and the
/// deletions of the previous snapshot for segments whose deletion file did not change (a commit that adds one
/// upload then reads no deletion file back).
/// </summary>
internal static class SnapshotLoader
{
    /// <summary>
    /// The snapshot of <paramref name="commit"/>; a segment file in <paramref name="verified"/> (see
    /// <see cref="OpenedCommit.Verified"/>) opens without streaming it through its checksum again.
    /// </summary>
    public static IndexSnapshot Load(IndexDirectory directory, CommitPoint commit, IDictionary<string, SegmentReader> openReaders, IndexSnapshot? previous = null,
        IReadOnlySet<string>? verified = null)
    {
        var views = new List<SegmentView>();
        var before = previous?.Segments.ToDictionary(v => v.Entry.Name, StringComparer.Ordinal);
        foreach (var entry in commit.Segments)
        {
            if (before is not null && before.TryGetValue(entry.Name, out var same) && same.Entry.Deletes == entry.Deletes)
            {
                views.Add(new SegmentView(same.Reader, same.Deleted, entry));
                continue;
            }
            if (!openReaders.TryGetValue(entry.Name, out var reader))
            {
                reader = SegmentReader.Open(entry.Name, directory.File(entry.FileName), verified?.Contains(entry.FileName) == true);
                openReaders[entry.Name] = reader;
            }
            var deleted = entry.Deletes is null
                ? new bool[reader.DocumentCount]
                : DeletionFile.Decode(entry.Deletes, File.ReadAllBytes(directory.File(entry.Deletes)), reader.DocumentCount);
            views.Add(new SegmentView(reader, deleted, entry));
        }
        foreach (var name in openReaders.Keys.Except(commit.Segments.Select(s => s.Name)).ToList())
            openReaders.Remove(name);
        return new IndexSnapshot(commit.Generation, views);
    }
}
