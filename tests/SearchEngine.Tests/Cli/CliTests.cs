using System.CommandLine;
using System.Text.Json;
using SearchEngine.Cli.Commands;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Cli;

/// <summary>The CLI commands, run in-process with the console captured (tests in this class run one at a time).</summary>
public class CliTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var root = new RootCommand { InspectCommand.Create(), AnalyzeCommand.Create() };
        var original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            int exit = root.Parse(args).Invoke();
            return (exit, writer.ToString());
        }
        finally
        {
            Console.SetOut(original);
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
}
