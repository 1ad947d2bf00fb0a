using System.Globalization;
using System.Text;
using System.Text.Json;
using SearchEngine.Search;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The index folder and its crash-safety protocol. Every file is written under a temporary name, flushed to
/// disk and renamed into place; segment and deletion files are never changed once named; a commit is made
/// durable by writing its commit file and then atomically replacing CURRENT. Commit files and CURRENT end with a
/// checksum line, and a commit is valid only when it and every file it names verify. When CURRENT is missing,
/// damaged or names an invalid commit, the index opens at the newest valid commit file instead. Files are removed
/// only when no kept valid commit names them, and never when no commit can be read at all. Only the commit that
/// opens has its segments' checksums streamed; an older one a writer keeps as a fallback is checked for complete
/// files (header, footer, length) and verified in full only on the day it is opened.
/// </summary>
internal sealed class IndexDirectory
{
    private const string CommitPrefix = "commit_", CommitSuffix = ".json", SegmentPrefix = "seg_";

    public IndexDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>
    /// True when the folder holds a committed index, even one whose CURRENT is lost. The empty commit a new index
    /// starts with does not count: an index whose first commit never finished is still to be built.
    /// </summary>
    public bool HasCommit => System.IO.File.Exists(File(CommitPoint.CurrentFile)) || CommitFiles().Any(c => c.Generation > 0);

    /// <summary>
    /// The commit to open: the one CURRENT names when it is valid, else the newest valid commit file (with a
    /// sentence saying so). A writer also gets every valid commit, to know which files must be kept.
    /// </summary>
    public OpenedCommit Open(bool forWriting)
    {
        var checkedFiles = new Dictionary<string, FileCheck>(StringComparer.Ordinal);
        string? currentProblem = null;
        CommitPoint? named = null;
        string? currentName = ReadCurrentName(ref currentProblem);
        if (currentName is not null)
        {
            named = TryReadCommit(currentName, checkedFiles, fullChecksums: true, out string problem, out int? otherFormat);
            if (otherFormat is int format)
                throw new IndexFormatException($"Index '{Path}' has format {format}; this build reads {SegmentFormat.Version}.");
            if (named is null)
                currentProblem = $"CURRENT names {currentName}, which {problem}";
        }
        if (named is not null && !forWriting)
            return new OpenedCommit(named, [named], null) { Verified = Verified(checkedFiles) };

        var valid = new List<CommitPoint>();
        var skipped = new List<string>();
        int? oldFormat = null;
        foreach (var (_, name) in CommitFiles().OrderByDescending(c => c.Generation))
        {
            if (name == named?.FileName)
            {
                valid.Add(named);
                continue;
            }
            // Streaming every kept commit's segments through the CRC doubled a writer's open after a merge (the
            // merged index and the segments it replaced: gigabytes at 200k documents). Only the commit that opens
            // is verified in full: CURRENT's, or else the newest valid one, so each is tried in full until one is
            // found; the older ones need only be complete to be kept as fallbacks.
            bool opens = named is null && !valid.Exists(c => c.Generation > 0);
            var commit = TryReadCommit(name, checkedFiles, fullChecksums: opens, out string problem, out int? otherFormat);
            oldFormat ??= otherFormat;
            if (commit is not null)
                valid.Add(commit);
            else
                skipped.Add($"{name} {problem}");
        }
        if (named is not null)
            return new OpenedCommit(named, valid, null) { Verified = Verified(checkedFiles) };

        var chosen = valid.FirstOrDefault(c => c.Generation > 0);
        if (chosen is not null)
        {
            string skippedNote = skipped.Count == 0 ? "" : $"; skipped {string.Join("; ", skipped)}";
            string rewritten = forWriting ? " CURRENT now names it." : " CURRENT was left as it is (opened read-only).";
            return new OpenedCommit(chosen, valid,
                $"Index '{Path}': {currentProblem}; opened {chosen.FileName} instead, the newest valid commit point (generation {chosen.Generation}, {chosen.Segments.Sum(s => s.Documents - s.DeletedCount)} documents){skippedNote}.{rewritten}")
            {
                Verified = Verified(checkedFiles),
            };
        }
        if (oldFormat is int old)
            throw new IndexFormatException($"Index '{Path}' has format {old}; this build reads {SegmentFormat.Version}.");
        bool started = HasCommit;
        if (!HasSegmentFiles())
        {
            // Nothing to lose: a new index, or one whose commits are gone along with every segment.
            return new OpenedCommit(CommitPoint.Empty, valid, started ? $"Index '{Path}': {currentProblem}, and the folder holds no segments; it opens empty." : null);
        }
        if (!started && valid.Count > 0)
            return new OpenedCommit(valid[0], valid, null) { Verified = Verified(checkedFiles) }; // the first commit of a new index was interrupted: its segments are leftovers
        string found = skipped.Count == 0 ? "no commit files" : string.Join("; ", skipped);
        throw new IndexDamagedException(
            $"Index '{Path}' holds segments but no readable commit point ({currentProblem ?? "CURRENT is missing"}; {found}); nothing was deleted. " +
            "Restore CURRENT and the commit_*.json files from a backup, or rebuild into an empty folder with 'searchengine index <sources> --index <empty folder>'.");
    }

    /// <summary>What a file was found to be: <see cref="Problem"/> null when intact, <see cref="Full"/> when its whole checksum was verified.</summary>
    private readonly record struct FileCheck(string? Problem, bool Full);

    /// <summary>The files whose whole checksum was verified and found intact (their readers need not verify them again).</summary>
    private static HashSet<string> Verified(Dictionary<string, FileCheck> checkedFiles) =>
        [.. checkedFiles.Where(kv => kv.Value.Problem is null && kv.Value.Full).Select(kv => kv.Key)];

    /// <summary>The commit file CURRENT names, or null with the reason when CURRENT is missing or damaged.</summary>
    private string? ReadCurrentName(ref string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(File(CommitPoint.CurrentFile));
        }
        catch (FileNotFoundException)
        {
            problem = "CURRENT is missing";
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            problem = "CURRENT is missing";
            return null;
        }
        if (ChecksumTrailer.Verify(bytes, out byte[] body) is { } damaged)
        {
            problem = $"CURRENT {damaged}";
            return null;
        }
        string name = Encoding.UTF8.GetString(body).Trim();
        if (ParseGeneration(name) is null)
        {
            problem = $"CURRENT names '{name}', which is not a commit file";
            return null;
        }
        return name;
    }

    /// <summary>
    /// A commit file that verifies and whose segment and deletion files exist and verify (segments only for being
    /// complete unless <paramref name="fullChecksums"/>); else null with the reason. A commit of another format version
    /// is reported by its version, so the caller can ask for a rebuild.
    /// </summary>
    private CommitPoint? TryReadCommit(string name, Dictionary<string, FileCheck> checkedFiles, bool fullChecksums, out string problem, out int? otherFormat)
    {
        otherFormat = null;
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(File(name));
        }
        catch (FileNotFoundException)
        {
            problem = "does not exist";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read ({e.Message.TrimEnd('.')})";
            return null;
        }
        string? damaged = ChecksumTrailer.Verify(bytes, out byte[] body);
        if (FormatVersion(body) is int version && version != SegmentFormat.Version)
        {
            // Checked before the checksum: an older build wrote no checksum, and a rebuild is the answer either way.
            otherFormat = version;
            problem = $"has format {version}";
            return null;
        }
        if (damaged is not null)
        {
            problem = damaged;
            return null;
        }
        CommitPoint? commit;
        try
        {
            commit = JsonSerializer.Deserialize<CommitPoint>(body, CommitPoint.Json);
        }
        catch (JsonException)
        {
            commit = null;
        }
        if (commit is null || commit.FileName != name)
        {
            problem = "is not a commit point of this index";
            return null;
        }
        foreach (var segment in commit.Segments)
        {
            string? missing = CheckFile(segment.FileName, checkedFiles, fullChecksums, path => SegmentReader.Check(segment.Name, path, fullChecksums))
                ?? (segment.Deletes is { } deletes ? CheckFile(deletes, checkedFiles, full: true, path => DeletionFile.IsIntact(System.IO.File.ReadAllBytes(path)) ? null : $"Deletion file '{deletes}' fails its checksum.") : null);
            if (missing is not null)
            {
                problem = $"names a file that is missing or damaged ({missing.TrimEnd('.')})";
                return null;
            }
        }
        problem = "";
        return commit;
    }

    /// <summary>
    /// What <paramref name="check"/> finds wrong with the file (given its path), remembered per file name; a file
    /// only checked for being complete is checked again when a <paramref name="full"/> check is asked for.
    /// </summary>
    private string? CheckFile(string name, Dictionary<string, FileCheck> checkedFiles, bool full, Func<string, string?> check)
    {
        if (checkedFiles.TryGetValue(name, out var known) && (known.Full || !full || known.Problem is not null))
            return known.Problem;
        string? problem;
        try
        {
            problem = check(File(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{name} cannot be read ({e.Message.TrimEnd('.')})";
        }
        checkedFiles[name] = new FileCheck(problem, full);
        return problem;
    }

    /// <summary>The formatVersion a commit file's JSON declares, or null when it is not readable JSON.</summary>
    private static int? FormatVersion(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("formatVersion", out var v) && v.TryGetInt32(out int version)
                ? version
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static long? ParseGeneration(string name) =>
        name.StartsWith(CommitPrefix, StringComparison.Ordinal) && name.EndsWith(CommitSuffix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(CommitPrefix.Length, name.Length - CommitPrefix.Length - CommitSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long generation)
        && CommitPoint.CommitFileName(generation) == name
            ? generation
            : null;

    private List<(long Generation, string Name)> CommitFiles()
    {
        if (!Directory.Exists(Path))
            return [];
        var files = new List<(long, string)>();
        foreach (var file in Directory.EnumerateFiles(Path, CommitPrefix + "*" + CommitSuffix))
        {
            string name = System.IO.Path.GetFileName(file);
            if (ParseGeneration(name) is long generation)
                files.Add((generation, name));
        }
        return files;
    }

    private bool HasSegmentFiles() =>
        Directory.Exists(Path) && (Directory.EnumerateFiles(Path, "*.seg").Any() || Directory.EnumerateFiles(Path, "*.del").Any());

    /// <summary>
    /// The generation and segment number the next commit uses: past every commit and segment file on disk, so a
    /// commit never overwrites a file that another commit (an unpublished or damaged one) may name.
    /// </summary>
    public (long Generation, int Segment) NextNumbers(CommitPoint current)
    {
        long generation = CommitFiles().Select(c => c.Generation).Append(current.Generation).Max() + 1;
        int segment = current.NextSegment;
        if (Directory.Exists(Path))
        {
            foreach (var file in Directory.EnumerateFiles(Path, SegmentPrefix + "*.seg"))
            {
                string name = System.IO.Path.GetFileNameWithoutExtension(file);
                if (int.TryParse(name.AsSpan(SegmentPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
                    segment = Math.Max(segment, number + 1);
            }
        }
        return (generation, segment);
    }

    /// <summary>
    /// Writes the empty commit a new index starts with (not published through CURRENT): segments found later beside
    /// it alone are leftovers of an interrupted first commit, while segments beside no commit at all mean lost commits.
    /// </summary>
    public void WriteInitialCommit()
    {
        WriteDurably(CommitPoint.Empty.FileName, ChecksumTrailer.Append(JsonSerializer.SerializeToUtf8Bytes(CommitPoint.Empty, CommitPoint.Json)));
        SyncDirectory();
    }

    /// <summary>Points CURRENT at a commit already on disk (after opening at a commit CURRENT did not name).</summary>
    public void PointCurrentAt(CommitPoint commit)
    {
        WriteDurably(CommitPoint.CurrentFile, ChecksumTrailer.Append(Encoding.UTF8.GetBytes(commit.FileName)));
        SyncDirectory();
    }

    /// <summary>Writes a file durably under its final name (temporary name, flush to disk, rename).</summary>
    public void WriteDurably(string name, byte[] content) => WriteDurably(name, stream => stream.Write(content));

    /// <summary>
    /// Writes a file durably under its final name, its content streamed by <paramref name="write"/> (a merged segment
    /// larger than memory): temporary name, flush to disk, rename.
    /// </summary>
    public void WriteDurably(string name, Action<Stream> write)
    {
        string temporary = File(name + ".tmp");
        try
        {
            Directory.CreateDirectory(Path);
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
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

    /// <summary>Removes a file this writer wrote and no commit names (a discarded flush), with its temporary; a failure is left to the next cleanup.</summary>
    public void Remove(string name)
    {
        TryRemove(File(name));
        TryRemove(File(name + ".tmp"));
    }

    /// <summary>Publishes a commit: its file first, then CURRENT, each durably; the rename of CURRENT is the commit.</summary>
    public void Publish(CommitPoint commit)
    {
        WriteDurably(commit.FileName, ChecksumTrailer.Append(JsonSerializer.SerializeToUtf8Bytes(commit, CommitPoint.Json)));
        PointCurrentAt(commit);
    }

    /// <summary>
    /// Removes the <paramref name="obsolete"/> commit files (valid ones no longer kept), then temporaries and the
    /// segment and deletion files no <paramref name="kept"/> commit names. Commit files that did not verify are
    /// left for a person to look at; new commits are numbered past them. Files named in <paramref name="inProgress"/>
    /// (segments a background merge or flush writes, not yet in any commit), their temporaries and a merge's spools
    /// are kept too.
    /// </summary>
    public void RemoveUnreferenced(IReadOnlyCollection<CommitPoint> kept, IEnumerable<string> obsolete, IReadOnlyCollection<string>? inProgress = null)
    {
        if (!Directory.Exists(Path))
            return;
        var keep = new HashSet<string>(StringComparer.Ordinal) { CommitPoint.CurrentFile, WriteLock.FileName, "README.md" };
        foreach (string name in inProgress ?? [])
        {
            keep.Add(name);
            keep.Add(name + ".tmp");
        }
        // A merge's spools are named after its segment (seg_000012.seg.0.tmp) and kept while it runs.
        bool Spool(string name) => inProgress is not null && inProgress.Any(n => name.StartsWith(n + ".", StringComparison.Ordinal));
        foreach (var commit in kept)
        {
            keep.Add(commit.FileName);
            foreach (var s in commit.Segments)
            {
                keep.Add(s.FileName);
                if (s.Deletes is not null)
                    keep.Add(s.Deletes);
            }
        }
        // Commit files go first: a crash half way leaves no commit naming a removed segment.
        foreach (var name in obsolete.Where(n => !keep.Contains(n)))
            TryRemove(File(name));
        foreach (var file in Directory.EnumerateFiles(Path))
        {
            string name = System.IO.Path.GetFileName(file);
            bool ours = name.EndsWith(".seg", StringComparison.Ordinal) || name.EndsWith(".del", StringComparison.Ordinal) || name.EndsWith(".tmp", StringComparison.Ordinal);
            if (ours && !keep.Contains(name) && !Spool(name))
                TryRemove(file);
        }
    }

    private static void TryRemove(string file)
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

    /// <summary>
    /// Makes the renames in the folder durable. A failure means the last rename may not survive a power loss, so
    /// it fails the write like a failed file write: the commit is not acknowledged.
    /// </summary>
    private void SyncDirectory()
    {
        try
        {
            DirectorySync.Flush(Path);
        }
        catch (IOException e)
        {
            throw new IndexWriteException(
                $"Index '{Path}': {e.Message}, so the last commit may not survive a power loss and was not acknowledged. Check the disk, then retry.", e);
        }
    }
}
