using SearchEngine.Cli.Commands;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// The whole pipeline (reader, cleaning, metadata with evidence, section tree, units, industries) on one
/// representative document of each layout beyond the seeds: a gov.cn page with its information table, a
/// regulation under a 国务院令, a 北大法宝 export, a regulation as Markdown, a government work report (.docx), and
/// the old-Word (.doc) and OFD fixtures.
/// </summary>
public class RealGoldenTests
{
    [Theory]
    [InlineData("cn-gov-023.html")]
    [InlineData("cn-gov-058.txt")]
    [InlineData("pkulaw-xinjiang-zhijian-2012.txt")]
    [InlineData("law-samr-complaints-2022.md")]
    [InlineData("gwr-2025-xinjiang.docx")]
    public void Should_match_the_verified_inspection_of_each_real_layout(string name) =>
        Golden.Verify($"real-{Path.GetFileNameWithoutExtension(name)}", Inspect(RealDocs.Build(name)));

    [Theory]
    [InlineData("policy.doc")]
    [InlineData("policy.ofd")]
    public void Should_match_the_verified_inspection_of_each_new_format(string fixture)
    {
        var (document, error) = new PolicyFileIngester().IngestFile(Seeds.Fixture(fixture), fixture);
        Assert.True(document is not null, error);
        Golden.Verify($"format-{fixture.Replace('.', '-')}", Inspect(document));
    }

    private static string Inspect(SearchEngine.Core.Documents.PolicyDocument d) =>
        System.Text.Json.JsonSerializer.Serialize(InspectView.Of(d), InspectView.Json);
}
