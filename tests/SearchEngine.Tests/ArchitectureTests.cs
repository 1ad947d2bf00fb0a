using System.Reflection;

namespace SearchEngine.Tests;

/// <summary>
/// Dependencies point one way: Core references no project; Ingestion and the engine contract (Search) reference
/// Core only; each engine references the contract and Core, never the other engine.
/// </summary>
public class ArchitectureTests
{
    private static string[] ProjectReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("SearchEngine.", StringComparison.Ordinal)).Order()];

    [Fact]
    public void Core_should_reference_no_other_project() =>
        Assert.Empty(ProjectReferences(typeof(SearchEngine.Core.Documents.PolicyDocument).Assembly));

    [Fact]
    public void Ingestion_should_reference_only_core() =>
        Assert.Equal(["SearchEngine.Core"], ProjectReferences(typeof(SearchEngine.Ingestion.Pipeline.PolicyFileIngester).Assembly));

    [Fact]
    public void The_engine_contract_should_reference_only_core() =>
        Assert.Equal(["SearchEngine.Core"], ProjectReferences(typeof(SearchEngine.Search.ISearchEngine).Assembly));

    [Fact]
    public void The_native_engine_should_reference_only_core_and_the_contract() =>
        Assert.Equal(["SearchEngine.Core", "SearchEngine.Search"], ProjectReferences(typeof(SearchEngine.Index.NativeEngine).Assembly));

    [Fact]
    public void The_lucene_engine_should_reference_only_core_and_the_contract() =>
        Assert.Equal(["SearchEngine.Core", "SearchEngine.Search"], ProjectReferences(typeof(SearchEngine.Lucene.LuceneEngine).Assembly));

    [Fact]
    public void Core_should_have_no_file_format_dependencies()
    {
        var references = typeof(SearchEngine.Core.Documents.PolicyDocument).Assembly.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(references, n => n.StartsWith("AngleSharp", StringComparison.Ordinal) || n.StartsWith("DocumentFormat", StringComparison.Ordinal));
    }
}
