using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchEngine.Benchmarks.Targets;

/// <summary>
/// The judged sample of target sentences (benchmarks/targets/judged.json): sentences of the seeds and the real
/// documents, each judged as setting goals or not, with the records a reader takes from it. Drawn by
/// benchmarks/targets/sample.py and judged by the guideline the file carries.
/// </summary>
internal sealed record TargetSample(string Guideline, string Sampling, IReadOnlyList<JudgedSentence> Sentences)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static TargetSample Load(string path) =>
        JsonSerializer.Deserialize<TargetSample>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"Target sample '{path}' is empty; it should hold {{\"sentences\": [...]}}.");

    /// <summary>benchmarks/targets/judged.json under a repository root.</summary>
    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, "benchmarks", "targets", "judged.json");

    /// <summary>
    /// The file a sentence's <see cref="JudgedSentence.Source"/> names: seeds/… under the repository's seeds folder,
    /// realdocs/… under ../shared/realdocs/docs.
    /// </summary>
    public static string FileOf(string source, string repositoryRoot) => source.StartsWith("seeds/", StringComparison.Ordinal)
        ? Path.Combine(repositoryRoot, "seeds", source["seeds/".Length..])
        : Path.Combine(repositoryRoot, "..", "shared", "realdocs", "docs", source["realdocs/".Length..]);
}

/// <summary>One judged sentence: where it is (file and section index), its text, and the goals it sets.</summary>
internal sealed record JudgedSentence(string Source, int Section, string Sentence, bool IsTarget, IReadOnlyList<JudgedTarget> Targets, string? Note);

/// <summary>One goal as the judge read it; kind is level / increase / decrease, comparison exactly / at_least / at_most / about / range.</summary>
internal sealed record JudgedTarget(
    string Indicator, string Kind, string Comparison, decimal Value, decimal? ValueMax, string Unit, int? Year,
    decimal? BaselineValue, int? BaselineYear);
