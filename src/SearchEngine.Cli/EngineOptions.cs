using System.CommandLine;
using SearchEngine.Index;
using SearchEngine.Lucene;
using SearchEngine.Search;

namespace SearchEngine.Cli;

/// <summary>
/// The options every command that opens an index shares: <c>--engine native|lucene</c>, <c>--analyzer policy|smartcn</c>
/// (Lucene.Net only) and <c>--index DIR</c>, whose default depends on the engine as the server's does.
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Engine { get; } = new("--engine") { Description = "native (default) or lucene", DefaultValueFactory = _ => NativeEngine.EngineName };

    public Option<string> Analyzer { get; } = new("--analyzer") { Description = "The Lucene.Net engine's analyzer: policy (default) or smartcn", DefaultValueFactory = _ => "policy" };

    public Option<string?> Index { get; } = new("--index") { Description = "Index folder (default: index/, or index-lucene/ with --engine lucene)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Index);
        command.Options.Add(Engine);
        command.Options.Add(Analyzer);
    }

    public string Folder(ParseResult parse) => parse.GetValue(Index) ?? IndexFolder.DefaultFor(parse.GetValue(Engine)!);

    /// <summary>The chosen engine; an unknown name is an expected error (one sentence, exit 1).</summary>
    public ISearchEngine Create(ParseResult parse) => (parse.GetValue(Engine), parse.GetValue(Analyzer)) switch
    {
        (NativeEngine.EngineName, "policy") => NativeEngine.Instance,
        (LuceneEngine.EngineName, var a) => new LuceneEngine(a ?? "policy"),
        (NativeEngine.EngineName, var a) => throw new IndexEngineException($"--analyzer {a} needs --engine lucene; the native engine has only the policy analyzer."),
        (var e, _) => throw new IndexEngineException($"--engine {e} is not an engine: use native or lucene."),
    };
}
