using SearchEngine.Search;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// An engine as the side-by-side benchmark and the relevance command run it: the name used on the command line
/// and in the report, how the engine uses threads when it indexes (printed in the report, since "2 threads" means
/// something different for each), and a factory for the engine itself.
/// </summary>
internal sealed record EngineVariant(string Name, string Threading, Func<ISearchEngine> Create);
