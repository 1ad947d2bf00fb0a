namespace SearchEngine.Web;

/// <summary>
/// A hook the background build calls after each file is read and before its document goes to the index. Not
/// registered in the product; tests register one to hold the build at a chosen file, so that what a request sees
/// during a build does not depend on timing.
/// </summary>
internal sealed class BuildPacing(Action<int, CancellationToken> afterFile)
{
    /// <summary>Called with the number of files read so far (1 for the first), on the build's task.</summary>
    public void AfterFile(int filesRead, CancellationToken cancel) => afterFile(filesRead, cancel);
}
