using System.Text.Json;
using System.Text.Json.Serialization;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// Given the seeds and the shared real documents, when they are read on several threads, then the report is the
/// one reading them one by one gives: the same documents with the same ids, in the same order, the same failures,
/// warnings and duplicate groups; and the progress is told each file once, never from two threads at a time.
/// </summary>
public class ParallelIngestionTests
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Should_give_the_sequential_output_when_files_are_read_in_parallel()
    {
        string[] paths = [Seeds.SeedFolder, RealDocs.Folder];
        var sequential = new PolicyFileIngester { MaxParallelism = 1 }.Ingest(paths, Seeds.RepositoryRoot);
        var progress = new OverlapCheckingProgress();
        var parallel = new PolicyFileIngester { MaxParallelism = 4 }.Ingest(paths, Seeds.RepositoryRoot, progress);

        Assert.True(sequential.Documents.Count > 40, $"only {sequential.Documents.Count} documents: are the real documents at {RealDocs.Folder}?");
        Assert.Equal(sequential.Documents.Select(d => d.Id), parallel.Documents.Select(d => d.Id));
        for (int i = 0; i < sequential.Documents.Count; i++)
        {
            Assert.True(JsonSerializer.Serialize(sequential.Documents[i], Json) == JsonSerializer.Serialize(parallel.Documents[i], Json),
                $"document {sequential.Documents[i].Id} differs when read in parallel: look at what PolicyFileIngester.Read shares between threads");
        }
        Assert.Equal(sequential.Failures, parallel.Failures);
        Assert.Equal(sequential.Warnings, parallel.Warnings);
        Assert.Equal(sequential.Duplicates.Select(g => string.Join(" = ", g)), parallel.Duplicates.Select(g => string.Join(" = ", g)));
        Assert.Equal(sequential.Bytes, parallel.Bytes);

        var plan = PolicyFileIngester.Plan(paths, Seeds.RepositoryRoot);
        Assert.Equal(plan.Files.Select(f => f.Source).Order(StringComparer.Ordinal), progress.Sources.Order(StringComparer.Ordinal));
        Assert.False(progress.Overlapped, "two progress calls ran at once");
    }

    [Fact]
    public void Should_yield_each_file_in_plan_order_while_later_files_are_read()
    {
        var plan = PolicyFileIngester.Plan([Seeds.SeedFolder], Seeds.RepositoryRoot);
        var read = new PolicyFileIngester { MaxParallelism = 3 }.Read(plan).Select(o => o.File).ToList();
        Assert.Equal(plan.Files, read);
    }

    /// <summary>A progress that is not thread-safe on purpose: it notices when two calls overlap.</summary>
    private sealed class OverlapCheckingProgress : IProgress<string>
    {
        private int _inside;

        public List<string> Sources { get; } = [];

        public bool Overlapped { get; private set; }

        public void Report(string value)
        {
            if (Interlocked.Increment(ref _inside) > 1)
                Overlapped = true;
            Sources.Add(value);
            Thread.Sleep(1);
            Interlocked.Decrement(ref _inside);
        }
    }
}
