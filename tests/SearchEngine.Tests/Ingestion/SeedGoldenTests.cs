using SearchEngine.Cli.Commands;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>The whole pipeline on each seed: metadata with evidence, section tree, units, industries.</summary>
public class SeedGoldenTests
{
    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Should_match_the_verified_inspection_of_each_seed(string seed)
    {
        var document = Seeds.Build(seed);
        string json = System.Text.Json.JsonSerializer.Serialize(InspectView.Of(document), InspectView.Json);
        Golden.Verify($"seed-{seed}", json);
    }
}
