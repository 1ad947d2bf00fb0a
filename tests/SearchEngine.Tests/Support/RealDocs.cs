using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Tests.Support;

/// <summary>
/// The shared real documents (shared/realdocs/docs: State Council notices, Jiangxi pages, work reports,
/// regulations), kept beside the repository rather than in it: ../shared from the repository root, or from a
/// folder above it when the repository is a worktree.
/// </summary>
internal static class RealDocs
{
    private static readonly Lazy<string> DocsFolder = new(FindDocs);

    private static readonly Lazy<IngestReport> FolderReport = new(() => new PolicyFileIngester().Ingest([Folder], Folder));

    /// <summary>The whole folder ingested once per test run, duplicates folded, sources relative to it.</summary>
    public static IngestReport Report => FolderReport.Value;

    public static string Folder => DocsFolder.Value;

    public static string PathOf(string name) => System.IO.Path.Combine(Folder, name);

    /// <summary>One real document built alone (not folded into a duplicate group).</summary>
    public static PolicyDocument Build(string name)
    {
        var (document, error) = new PolicyFileIngester().IngestFile(PathOf(name), "realdocs/" + name);
        return document ?? throw new InvalidOperationException($"{name}: {error}");
    }

    private static string FindDocs()
    {
        for (var d = new DirectoryInfo(Seeds.RepositoryRoot).Parent; d is not null; d = d.Parent)
        {
            string docs = System.IO.Path.Combine(d.FullName, "shared", "realdocs", "docs");
            if (Directory.Exists(docs))
                return docs;
        }
        throw new InvalidOperationException(
            $"shared/realdocs/docs not found beside {Seeds.RepositoryRoot} or above it. Clone or copy the shared data next to the repository (../shared).");
    }
}
