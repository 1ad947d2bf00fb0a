using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchEngine.Benchmarks.Relevance;

/// <summary>
/// The judged query set (benchmarks/relevance/queries.json): queries with graded judgments of sections, each
/// section named by document id and section index, with its heading path and an excerpt to find it again if
/// the ids shift. Grades: 3 = about the query (its heading or lead-in names it), 2 = substantial treatment,
/// 1 = passing mention, 0 = not relevant.
/// </summary>
internal sealed record JudgedSet(IReadOnlyList<JudgedQuery> Queries)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JudgedSet Load(string path) =>
        JsonSerializer.Deserialize<JudgedSet>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"Judged set '{path}' is empty; it should hold {{\"queries\": [...]}}.");

    /// <summary>benchmarks/relevance/queries.json under a repository root.</summary>
    public static string DefaultPath(string repositoryRoot) => Path.Combine(repositoryRoot, "benchmarks", "relevance", "queries.json");
}

/// <summary>One judged query: its id, the text as a user types it, what kind of need it is, and the judgments.</summary>
internal sealed record JudgedQuery(string Id, string Query, string Kind, IReadOnlyList<Judgment> Judgments)
{
    /// <summary>The grade of a section, 0 when it was not judged.</summary>
    public int Grade(string document, int section) =>
        Judgments.FirstOrDefault(j => j.Document == document && j.Section == section)?.Grade ?? 0;
}

/// <summary>The grade of one section for one query.</summary>
/// <param name="Document">The document id (the ingester's id: file name without extension, or a duplicate group's canonical id).</param>
/// <param name="Section">The section's index in its document.</param>
/// <param name="Heading">The section's heading path joined by " / ", for re-identification.</param>
/// <param name="Excerpt">A short excerpt of the section's text around the query words, for re-identification.</param>
/// <param name="Grade">0–3.</param>
internal sealed record Judgment(string Document, int Section, string Heading, string Excerpt, int Grade);
