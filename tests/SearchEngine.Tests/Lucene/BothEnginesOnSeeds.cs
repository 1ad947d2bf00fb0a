using SearchEngine.Index;
using SearchEngine.Lucene;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Lucene;

/// <summary>The seeds indexed once by each engine for a test class, in folders removed afterwards.</summary>
public sealed class BothEnginesOnSeeds : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("se-test-").FullName;

    public BothEnginesOnSeeds()
    {
        Native = Build(NativeEngine.Instance, Path.Combine(_folder, "native"));
        Lucene = Build(new LuceneEngine(), Path.Combine(_folder, "lucene"));
    }

    public IIndexSnapshot Native { get; }

    public IIndexSnapshot Lucene { get; }

    public string Folder => _folder;

    private static IIndexSnapshot Build(ISearchEngine engine, string folder)
    {
        using var writer = engine.OpenWriter(folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        return writer.Commit();
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
