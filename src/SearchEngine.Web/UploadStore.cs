using Microsoft.Extensions.Options;

namespace SearchEngine.Web;

/// <summary>
/// The uploads folder. An upload is written under a unique temporary name (dot-prefixed, so a rebuild from the folder
/// skips it) and published by an atomic rename under its content-addressed name, so concurrent uploads never write,
/// read or delete each other's file. Publishing with indexing, and deleting with removing the file, hold one lock:
/// a file is never removed while a document uses it.
/// </summary>
internal sealed class UploadStore(IOptions<WebOptions> options, SearchService service)
{
    private const string TemporaryPrefix = ".upload-";

    /// <summary>Held while a stored file and the index are changed together.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public string Folder => service.Resolve(options.Value.Uploads);

    /// <summary>Writes the content to a new temporary file; on failure nothing is left behind and the error is rethrown.</summary>
    public async Task<string> WriteTemporaryAsync(ReadOnlyMemory<byte> content, string extension, CancellationToken cancel)
    {
        string folder = Folder;
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}{extension}");
        try
        {
            await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true);
            await stream.WriteAsync(content, cancel);
            // Flushed to disk before the rename publishes it: an acknowledged upload's file survives a crash.
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
        return path;
    }

    /// <summary>
    /// Renames the temporary file to its final name; false (and the temporary file stays) when a file of that name,
    /// hence of the same content, is there already.
    /// </summary>
    public static bool Publish(string temporary, string stored)
    {
        try
        {
            File.Move(temporary, stored, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(stored))
        {
            return false;
        }
    }

    /// <summary>The path of a stored upload from its source (<c>uploads/{name}</c>); null for other sources.</summary>
    public string? PathOf(string source) =>
        source.StartsWith("uploads/", StringComparison.Ordinal) ? Path.Combine(Folder, Path.GetFileName(source)) : null;

    /// <summary>Temporary files of uploads interrupted by a crash; removed at start, before any upload runs.</summary>
    public void RemoveLeftovers()
    {
        if (!Directory.Exists(Folder))
            return;
        foreach (var file in Directory.EnumerateFiles(Folder, TemporaryPrefix + "*"))
            TryDelete(file);
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the file is dot-prefixed (never indexed) and removed at the next start.
        }
    }
}
