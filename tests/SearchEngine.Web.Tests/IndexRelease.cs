namespace SearchEngine.Web.Tests;

/// <summary>
/// Waits until a stopped test server has let go of its index. A <c>WebApplicationFactory</c> returns from Dispose
/// once the host is told to stop, while the application's own shutdown (the index closed, a merge in progress
/// committed, the write lock released) may still be running on its thread: a test that edits the folder or starts a
/// second server on it at once raced that shutdown.
/// </summary>
internal static class IndexRelease
{
    /// <summary>Blocks until no writer holds the lock of <paramref name="indexFolder"/> (or it has none).</summary>
    public static void Wait(string indexFolder)
    {
        string path = Path.Combine(indexFolder, "write.lock");
        var deadline = DateTime.UtcNow + IndexBuildWait.Timeout;
        while (File.Exists(path))
        {
            try
            {
                // The engines' writers hold the file with FileShare.None (an exclusive flock): opening it so succeeds once it is released.
                using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
        }
    }
}
