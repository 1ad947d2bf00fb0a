using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Search.Model;

namespace SearchEngine.Tests.Support;

/// <summary>
/// The seeds and the shared real documents ingested together once per test run (sources relative to the
/// repository), as the relevance benchmark indexes them.
/// </summary>
internal static class SeedsAndRealDocs
{
    private static readonly Lazy<IngestReport> Ingested = new(() => new PolicyFileIngester().Ingest([Seeds.SeedFolder, RealDocs.Folder], Seeds.RepositoryRoot));

    public static IngestReport Report => Ingested.Value;
}

/// <summary>An index of <see cref="SeedsAndRealDocs"/> built once for a test class, in a folder removed afterwards.</summary>
public sealed class SeedsAndRealDocsIndex : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-test-").FullName;
    private readonly IndexWriter _writer;

    public SeedsAndRealDocsIndex()
    {
        _writer = IndexWriter.Open(_folder);
        foreach (var d in SeedsAndRealDocs.Report.Documents)
            _writer.AddOrUpdate(DocumentRecord.From(d));
        _writer.Commit();
        Searcher = new IndexSearcher(_writer.Snapshot);
    }

    public IndexSearcher Searcher { get; }

    public void Dispose()
    {
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
