using SearchEngine.Search;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>An engine as the side-by-side benchmark and the relevance command run it.</summary>
/// <param name="Name">The name on the command line (<c>--engine</c>, <c>--engines</c>) and in the report.</param>
/// <param name="Threading">
/// How the engine uses threads when it indexes, printed in the report, since "2 threads" means something different
/// for each engine.
/// </param>
/// <param name="ConcurrentAdds">
/// True when the engine's writer accepts <c>AddOrUpdate</c> from several threads at once. The contract does not
/// promise it, so an engine that does not say so is fed from one thread even when it may use two cores.
/// </param>
/// <param name="Create">Makes the engine.</param>
internal sealed record EngineVariant(string Name, string Threading, bool ConcurrentAdds, Func<ISearchEngine> Create);
