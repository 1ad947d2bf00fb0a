namespace SearchEngine.Tests.Support;

/// <summary>A test class that gets its own temporary folder, removed after each test.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected TempFolderTest() => Folder = Directory.CreateTempSubdirectory("se-test-").FullName;

    /// <summary>The folder, empty at the start of each test.</summary>
    protected string Folder { get; }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
