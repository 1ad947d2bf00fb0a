using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Cli.Commands;

/// <summary>What `searchengine inspect --json` prints for a document: everything but the full text, plan targets included.</summary>
internal sealed record InspectView(
    string Id,
    string Source,
    SourceFormat Format,
    IReadOnlyList<string> DuplicateGroup,
    DocumentMetadata Metadata,
    IReadOnlyList<string> Industries,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> Targets)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable; this is not HTML
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static InspectView Of(PolicyDocument d) => new(
        d.Id, d.Source, d.Format,
        d.AlternateSources.Count > 0 ? [d.Source, .. d.AlternateSources] : [],
        d.Metadata, d.Industries,
        [.. d.Sections.Select(s => SectionView.Of(d, s))], d.Targets);

    public static string Serialize(IngestReport report) => JsonSerializer.Serialize(new
    {
        documents = report.Documents.Select(Of),
        failures = report.Failures,
        warnings = report.Warnings,
        duplicates = report.Duplicates,
    }, Json);
}

/// <summary>A section in the inspection: its place in the tree, span, units, industries and a preview.</summary>
internal sealed record SectionView(
    int Index, int? Parent, HeadingLevel Level, int Depth, int Number, string Heading, string Title,
    IReadOnlyList<string> HeadingPath, int Start, int End, IReadOnlyList<ResponsibleUnit> Units,
    IReadOnlyList<string> Industries, string Preview)
{
    private const int PreviewLength = 40;

    public static SectionView Of(PolicyDocument d, Section s)
    {
        string body = d.BodyOf(s).Replace('\n', ' ');
        return new SectionView(s.Index, s.Parent, s.Level, s.Depth, s.Number, s.Heading, s.Title, s.HeadingPath,
            s.Start, s.End, s.Units, s.Industries, body.Length > PreviewLength ? body[..PreviewLength] + "…" : body);
    }
}
