using System.Text;
using System.Text.Json;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The index folder and its crash-safety protocol. Every file is written under a temporary name, flushed to
/// disk and renamed into place; segment and deletion files are never changed once named; a commit is made
/// durable by writing its commit file and then atomically replacing CURRENT. A crash at any moment leaves
/// CURRENT naming the last complete commit; files no commit names are removed at the next writer's open.
/// </summary>
internal sealed class IndexDirectory
{
    public IndexDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public bool HasCommit => System.IO.File.Exists(File(CommitPoint.CurrentFile));

    /// <summary>The last complete commit, or an empty one for a new index.</summary>
    public CommitPoint ReadCurrent()
    {
        if (!HasCommit)
            return CommitPoint.Empty;
        string name = System.IO.File.ReadAllText(File(CommitPoint.CurrentFile), Encoding.UTF8).Trim();
        string path = File(name);
        if (!System.IO.File.Exists(path))
            throw new InvalidDataException($"Index '{Path}': CURRENT names {name}, which does not exist. The folder was changed by hand; rebuild with 'searchengine index'.");
        var commit = JsonSerializer.Deserialize<CommitPoint>(System.IO.File.ReadAllText(path, Encoding.UTF8), CommitPoint.Json)
            ?? throw new InvalidDataException($"Index '{Path}': {name} is empty.");
        if (commit.FormatVersion != SegmentFormat.Version)
            throw new IndexFormatException($"Index '{Path}' has format {commit.FormatVersion}; this build reads {SegmentFormat.Version}.");
        return commit;
    }

    /// <summary>Writes a file durably under its final name (temporary name, flush to disk, rename).</summary>
    public void WriteDurably(string name, ReadOnlySpan<byte> content)
    {
        string temporary = File(name + ".tmp");
        try
        {
            Directory.CreateDirectory(Path);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            System.IO.File.Move(temporary, File(name), overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IndexWriteException(
                $"Index '{Path}': could not write {name} ({e.Message.TrimEnd('.')}). The last commit is intact and still searchable; free disk space or make the folder writable, then retry.", e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed at the next successful commit or open.
        }
    }

    /// <summary>Publishes a commit: its file first, then CURRENT, each durably; the rename of CURRENT is the commit.</summary>
    public void Publish(CommitPoint commit)
    {
        WriteDurably(commit.FileName, JsonSerializer.SerializeToUtf8Bytes(commit, CommitPoint.Json));
        WriteDurably(CommitPoint.CurrentFile, Encoding.UTF8.GetBytes(commit.FileName));
        SyncDirectory();
    }

    /// <summary>Removes files the current commit does not name: leftovers of crashed writes and of replaced commits.</summary>
    public void RemoveUnreferenced(CommitPoint current)
    {
        if (!Directory.Exists(Path))
            return;
        var keep = new HashSet<string>(StringComparer.Ordinal) { CommitPoint.CurrentFile, current.FileName, WriteLock.FileName, "README.md" };
        foreach (var s in current.Segments)
        {
            keep.Add(s.FileName);
            if (s.Deletes is not null)
                keep.Add(s.Deletes);
        }
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            string name = System.IO.Path.GetFileName(file);
            bool ours = name.EndsWith(".seg", StringComparison.Ordinal) || name.EndsWith(".del", StringComparison.Ordinal)
                || name.EndsWith(".tmp", StringComparison.Ordinal) || (name.StartsWith("commit_", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal));
            if (ours && !keep.Contains(name))
            {
                try
                {
                    System.IO.File.Delete(file);
                }
                catch (IOException)
                {
                    // A reader on another platform may hold it open; it goes next time.
                }
            }
        }
    }

    /// <summary>Makes the renames durable where the platform allows opening a directory (Linux does).</summary>
    private void SyncDirectory()
    {
        if (OperatingSystem.IsWindows())
            return;
        try
        {
            using var handle = System.IO.File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.None);
            RandomAccess.FlushToDisk(handle);
        }
        catch (UnauthorizedAccessException)
        {
        }
        catch (IOException)
        {
        }
    }
}
