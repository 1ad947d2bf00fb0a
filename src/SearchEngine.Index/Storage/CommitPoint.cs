using System.Text.Json;
using System.Text.Json.Serialization;

namespace SearchEngine.Index.Storage;

/// <summary>
/// 提交点 — one commit: the format version and the segments (with their deletion files) that make up the index.
/// Written to a new file per generation; the CURRENT file names the live one and is replaced atomically.
/// </summary>
internal sealed record CommitPoint(int FormatVersion, long Generation, int NextSegment, IReadOnlyList<SegmentEntry> Segments)
{
    public const string CurrentFile = "CURRENT";

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static CommitPoint Empty { get; } = new(SegmentFormat.Version, 0, 0, []);

    public string FileName => CommitFileName(Generation);

    public static string CommitFileName(long generation) => $"commit_{generation:D8}.json";
}

/// <summary>A segment in a commit: its file, counts, and the file listing its deleted documents, if any.</summary>
internal sealed record SegmentEntry(string Name, int Documents, int Sections, string? Deletes, int DeletedCount)
{
    [JsonIgnore]
    public string FileName => Name + ".seg";
}
