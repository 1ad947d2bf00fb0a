using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SearchEngine.Core.Documents;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// The section tree of one representative document per layout, as golden files: a regulation under a 国务院令
/// (058), （X） numbered across parts (002), a notice with an attachment (004), a Jiangxi page, and a decimal
/// 应急预案 (a fixture). Only the tree is compared (level, depth, number, heading, title, breadcrumb), so work on
/// metadata or readers does not disturb it.
/// </summary>
public class RealStructureGoldenTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private sealed record SectionView(HeadingLevel Level, int Depth, int Number, string Heading, string Title, IReadOnlyList<string> HeadingPath);

    private static string TreeOf(PolicyDocument d) => JsonSerializer.Serialize(
        d.Sections.Where(s => s.Level != HeadingLevel.Preamble)
            .Select(s => new SectionView(s.Level, s.Depth, s.Number, s.Heading, s.Title, s.HeadingPath)),
        Json);

    [Theory]
    [InlineData("cn-gov-058.txt")]
    [InlineData("cn-gov-002.txt")]
    [InlineData("cn-gov-004.txt")]
    [InlineData("jx-4975_1503934.html")]
    public void Should_match_the_verified_section_tree_of_each_real_layout(string name) =>
        Golden.Verify($"structure-{Path.GetFileNameWithoutExtension(name)}", TreeOf(RealDocs.Build(name)));

    [Fact]
    public void Should_match_the_verified_section_tree_of_a_decimal_emergency_plan()
    {
        var (document, error) = new SearchEngine.Ingestion.Pipeline.PolicyFileIngester()
            .IngestFile(Core.Text.SectionSplitterTests.DecimalPlanPath, "decimal-plan.txt");
        Assert.True(document is not null, error);
        Golden.Verify("structure-decimal-plan", TreeOf(document));
    }
}
