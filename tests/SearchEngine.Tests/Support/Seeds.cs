using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Tests.Support;

/// <summary>The repository's seeds and fixtures, ingested once per test run.</summary>
internal static class Seeds
{
    private static readonly Lazy<IngestReport> SeedReport = new(() => new PolicyFileIngester().Ingest([SeedFolder], RepositoryRoot));

    public static string RepositoryRoot { get; } = FindRoot();

    public static string SeedFolder => Path.Combine(RepositoryRoot, "seeds");

    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "SearchEngine.Tests", "Fixtures", name);

    public static IngestReport Report => SeedReport.Value;

    public static string SeedPath(string prefix) => Directory.GetFiles(SeedFolder, prefix + "_*.txt").Single();

    /// <summary>One seed built alone (not folded into a duplicate group).</summary>
    public static PolicyDocument Build(string prefix)
    {
        string path = SeedPath(prefix);
        var (document, error) = new PolicyFileIngester().IngestFile(path, "seeds/" + Path.GetFileName(path));
        return document ?? throw new InvalidOperationException(error);
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        throw new InvalidOperationException("SearchEngine.sln not found above the test binaries.");
    }
}
