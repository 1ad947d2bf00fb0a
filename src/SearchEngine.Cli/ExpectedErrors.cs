using SearchEngine.Search;

namespace SearchEngine.Cli;

/// <summary>
/// Failures a user causes and can fix (no index yet, an index the server is writing, one from another build, a
/// damaged or read-only folder): one sentence on standard error and exit code 1, never a stack trace. Anything
/// else is a bug and keeps its trace.
/// </summary>
internal static class ExpectedErrors
{
    public static int Run(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (IndexLockedException e)
        {
            return Say(e.Advice("--index"));
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IndexFormatException or IndexEngineException or IndexDamagedException or IndexWriteException or UnauthorizedAccessException)
        {
            return Say(e.Message);
        }
    }

    private static int Say(string sentence)
    {
        Console.Error.WriteLine($"searchengine: {sentence}");
        return 1;
    }
}
