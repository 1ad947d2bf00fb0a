using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>Opens the segments and deletions a commit names, reusing readers already open for unchanged segments.</summary>
internal static class SnapshotLoader
{
    public static IndexSnapshot Load(IndexDirectory directory, CommitPoint commit, IDictionary<string, SegmentReader> openReaders)
    {
        var views = new List<SegmentView>();
        foreach (var entry in commit.Segments)
        {
            if (!openReaders.TryGetValue(entry.Name, out var reader))
            {
                reader = SegmentReader.Open(entry.Name, directory.File(entry.FileName));
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
