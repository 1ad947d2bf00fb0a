using Lucene.Net.Index;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Lucene.Searching;
using SearchEngine.Search;

namespace SearchEngine.Lucene;

/// <summary>
/// The second engine: Lucene.Net 4.8 behind the engine contract, one Lucene document per section, with our analyzer
/// (<c>policy</c>, the default) or SmartChineseAnalyzer (<c>smartcn</c>). The analyzer is the configuration's to
/// choose: an index built with one must be searched with the same one.
/// </summary>
public sealed class LuceneEngine : ISearchEngine
{
    public const string EngineName = "lucene";

    public LuceneEngine(string analyzer = LuceneAnalyzers.Policy)
    {
        // Refuses an unknown name now, not at the first write.
        using (LuceneAnalyzers.Create(analyzer))
            Analyzer = analyzer;
    }

    /// <summary>The analyzer's name (<see cref="LuceneAnalyzers"/>).</summary>
    public string Analyzer { get; }

    public string Name => EngineName;

    public bool Exists(string folder)
    {
        if (IndexFolder.EngineOf(folder) != EngineName)
            return false;
        using var directory = LuceneIndexWriter.OpenDirectory(folder);
        return DirectoryReader.IndexExists(directory);
    }

    public IIndexWriter OpenWriter(string folder)
    {
        IndexFolder.Require(folder, EngineName);
        return LuceneIndexWriter.Open(folder, Analyzer);
    }

    public IIndexSnapshot OpenReader(string folder, out string? recoveredFrom)
    {
        IndexFolder.Require(folder, EngineName);
        recoveredFrom = null;
        if (!Exists(folder))
            throw new DirectoryNotFoundException($"No index at '{folder}'. Build one with 'searchengine index seeds/ --engine lucene --index {folder}'.");
        // The directory stays open as long as the snapshot's reader: Lucene reads files lazily.
        var reader = OpenFailures.Translate(folder, () => DirectoryReader.Open(LuceneIndexWriter.OpenDirectory(folder)));
        try
        {
            CommitUserData.Require(reader.IndexCommit.UserData, folder, Analyzer);
        }
        catch (Exception e) when (e is IndexEngineException or IndexFormatException)
        {
            reader.Dispose();
            throw;
        }
        return new LuceneSnapshot(reader, Analyzer);
    }
}
