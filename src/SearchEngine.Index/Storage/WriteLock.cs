using SearchEngine.Search;

namespace SearchEngine.Index.Storage;

/// <summary>
/// One writer per index folder: an exclusively opened lock file, released by the operating system when the
/// process ends, so a crashed writer never leaves the index locked.
/// </summary>
internal sealed class WriteLock : IDisposable
{
    public const string FileName = "write.lock";
    private readonly FileStream _stream;

    private WriteLock(FileStream stream) => _stream = stream;

    public static WriteLock Acquire(string folder)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, FileName);
        try
        {
            // FileShare.None takes an exclusive lock (flock on Unix), which another open of the file respects.
            return new WriteLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new IndexWriteException($"Index '{folder}' is read-only: it can be searched but not written. Make it writable to index into it.", e);
        }
        catch (IOException e) when (e.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase))
        {
            throw new IndexWriteException($"Index '{folder}' is on a read-only file system: it can be searched but not written.", e);
        }
        catch (IOException e)
        {
            throw IndexLockedException.For(folder, e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
