using SearchEngine.Index.Indexing;
using SearchEngine.Search;

namespace SearchEngine.Index;

/// <summary>Our own engine (segments, block postings, BM25F, facets from doc values), the default.</summary>
public sealed class NativeEngine : ISearchEngine
{
    public const string EngineName = "native";

    public static NativeEngine Instance { get; } = new();

    public string Name => EngineName;

    public bool Exists(string folder) => IndexReader.Exists(folder);

    public IIndexWriter OpenWriter(string folder)
    {
        IndexFolder.Require(folder, EngineName);
        return IndexWriter.Open(folder);
    }

    public IIndexSnapshot OpenReader(string folder, out string? recoveredFrom)
    {
        IndexFolder.Require(folder, EngineName);
        return IndexReader.OpenSnapshot(folder, out recoveredFrom);
    }
}
