using System.CommandLine;
using System.Text.Json;
using SearchEngine.Cli;
using SearchEngine.Cli.Commands;
using SearchEngine.Index.Indexing;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Cli;

/// <summary>The CLI commands, run in-process with the console captured (tests in this class run one at a time).</summary>
public class CliTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand { InspectCommand.Create(), AnalyzeCommand.Create(), SearchCommand.Create(), IndexCommand.Create(), TargetsCommand.Create() };
        var (original, originalError) = (Console.Out, Console.Error);
        using var writer = new StringWriter();
        Console.SetOut(writer);
        Console.SetError(writer);
        try
        {
            // As Program runs them: expected failures become a sentence, anything else propagates.
            int exit = ExpectedErrors.Run(() => root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
            return (exit, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
        }
    }

    [Fact]
    public void Should_print_a_folder_inspection_as_json_with_the_duplicate_group()
    {
        var (exit, output) = Run("inspect", Seeds.SeedFolder, "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var documents = json.RootElement.GetProperty("documents");
        Assert.Equal(4, documents.GetArrayLength());
        var plan = documents.EnumerateArray().Single(d => d.GetProperty("id").GetString() == "000_146095241881ebac");
        Assert.Equal(2, plan.GetProperty("duplicateGroup").GetArrayLength());
        Assert.Equal("湘政办发", plan.GetProperty("metadata").GetProperty("documentNumber").GetProperty("value").GetProperty("prefix").GetString());
    }

    [Fact]
    public void Should_fail_when_every_file_is_bad()
    {
        var (exit, output) = Run("inspect", Seeds.Fixture("empty.txt"));
        Assert.Equal(1, exit);
        Assert.Contains("the file is empty", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_print_tokens_with_offsets_as_json()
    {
        var (exit, output) = Run("analyze", "发展氫能", "--mode", "Index", "--json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var hydrogen = json.RootElement.EnumerateArray().Single(t => t.GetProperty("text").GetString() == "氢能");
        Assert.Equal((2, 4), (hydrogen.GetProperty("start").GetInt32(), hydrogen.GetProperty("end").GetInt32()));
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(100_000)]
    public void Should_answer_a_search_of_tens_of_thousands_of_brackets_with_a_warning(int count)
    {
        // Given an index of the seeds
        var folder = Directory.CreateTempSubdirectory("se-cli-").FullName;
        try
        {
            IndexSeeds(folder);

            // When the query is tens of thousands of brackets around a word
            var (exit, output) = Run("search", new string('(', count) + "氢能", "--index", folder);

            // Then the repaired query is answered, and the repairs are reported
            Assert.Equal(0, exit);
            Assert.Contains("warning: Brackets nested deeper than", output, StringComparison.Ordinal);
            Assert.Contains("warning: A '(' was not closed", output, StringComparison.Ordinal);
            Assert.Contains("【氢能】", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_sort_by_date_list_expansions_and_search_literally_on_request()
    {
        // Given an index of the seeds
        var folder = Directory.CreateTempSubdirectory("se-cli-").FullName;
        try
        {
            IndexSeeds(folder);

            // When 氢能 is searched newest first, as JSON
            var (exit, output) = Run("search", "氢能", "--index", folder, "--sort", "date_desc", "--json");
            Assert.Equal(0, exit);
            using var json = JsonDocument.Parse(output);
            var dates = json.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("date").GetString()!).ToList();

            // Then the hits come newest first and the expansion of 氢能 is listed
            Assert.True(dates.Count >= 2);
            Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
            Assert.Equal("氢能", json.RootElement.GetProperty("expansions")[0].GetProperty("term").GetString());

            // And in text the expansion is said, --no-expand drops it, and an unknown order is refused
            Assert.Contains("also matching 氢能: 氢燃料电池", Run("search", "氢能", "--index", folder).Output, StringComparison.Ordinal);
            Assert.DoesNotContain("also matching", Run("search", "氢能", "--index", folder, "--no-expand").Output, StringComparison.Ordinal);
            var (badExit, badOutput) = Run("search", "氢能", "--index", folder, "--sort", "newest");
            Assert.Equal(2, badExit);
            Assert.Contains("--sort 'newest' is not a sort", badOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_list_the_targets_the_seeds_set_for_an_indicator_as_ingestion_read_them()
    {
        var folder = Directory.CreateTempSubdirectory("se-cli-").FullName;
        try
        {
            IndexSeeds(folder);
            var (exit, output) = Run("targets", "研发经费", "--index", folder, "--json");
            Assert.Equal(0, exit);
            var got = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(t => (t.GetProperty("documentId").GetString(), t.GetProperty("value").GetDecimal())).ToHashSet();
            var want = Seeds.Report.Documents.SelectMany(d => d.Targets.Where(t => t.Indicator.Contains("研发经费", StringComparison.Ordinal)).Select(t => ((string?)d.Id, t.Value))).ToHashSet();
            Assert.True(want.Count >= 2 && want.SetEquals(got), $"CLI {string.Join(", ", got)}; ingestion {string.Join(", ", want)}");
            Assert.Contains("增长 ≥12%", Run("targets", "研发经费", "--index", folder, "--target-year", "2025").Output, StringComparison.Ordinal);
            Assert.Equal(2, Run("targets", "研发经费", "--index", folder, "--year", "20x").Exit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_refuse_to_index_into_a_folder_another_writer_holds_with_one_sentence()
    {
        // Given a writer holding the index folder
        var folder = Directory.CreateTempSubdirectory("se-cli-").FullName;
        try
        {
            using (IndexWriter.Open(folder))
            {
                // When the index command is pointed at the same folder
                var (exit, output) = Run("index", Seeds.SeedFolder, "--index", folder);

                // Then it stops with a non-zero exit and one sentence saying where and what to do, no stack trace
                Assert.Equal(1, exit);
                Assert.Equal($"searchengine: The index at {folder} is being written by another process; stop it or choose another folder with --index.", output.Trim());
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_page_and_filter_by_region_and_type_in_the_search_command()
    {
        var folder = Directory.CreateTempSubdirectory("se-cli-").FullName;
        try
        {
            IndexSeeds(folder);
            var (_, first) = Run("search", "发展", "--index", folder, "--sections", "--top", "2");
            var (exit, second) = Run("search", "发展", "--index", folder, "--sections", "--top", "2", "--page", "2");
            Assert.Equal(0, exit);
            Assert.Contains("\n1. ", first, StringComparison.Ordinal);
            Assert.Contains("\n3. ", second, StringComparison.Ordinal); // page 2 goes on where page 1 stopped
            Assert.DoesNotContain("\n1. ", second, StringComparison.Ordinal);
            Assert.NotEqual(first.Split('\n')[3], second.Split('\n')[3]);

            var (_, elsewhere) = Run("search", "发展", "--index", folder, "--region", "广东省");
            Assert.StartsWith("0 documents", elsewhere.Trim(), StringComparison.Ordinal);
            var (_, hunan) = Run("search", "发展", "--index", folder, "--region", "湖南省");
            Assert.DoesNotContain("0 documents", hunan.Split('\n')[0], StringComparison.Ordinal);
            var (bad, message) = Run("search", "发展", "--index", folder, "--page", "0");
            Assert.Equal(2, bad);
            Assert.Contains("--page", message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes an index of the seeds into <paramref name="folder"/>, for the search command to read.</summary>
    private static void IndexSeeds(string folder)
    {
        using var writer = IndexWriter.Open(folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        writer.Commit();
    }
}
