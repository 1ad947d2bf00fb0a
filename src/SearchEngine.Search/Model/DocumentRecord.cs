using SearchEngine.Core.Documents;

namespace SearchEngine.Search.Model;

/// <summary>
/// What the index stores of one policy document: the metadata search results show and filter on, and its
/// sections. Built from a <see cref="PolicyDocument"/>; documents are added, replaced and deleted as a whole.
/// </summary>
public sealed record DocumentRecord(
    string Id,
    string Title,
    string? NoticeTitle,
    IReadOnlyList<string> Issuers,
    string? DocumentNumber,
    DateOnly? Date,
    int? Year,
    string? Region,
    string? Type,
    IReadOnlyList<string> Industries,
    string Source,
    IReadOnlyList<string> AlternateSources,
    IReadOnlyList<SectionRecord> Sections)
{
    /// <summary>The document's metadata with provenance and evidence, as JSON (for the document view).</summary>
    public string? MetadataJson { get; init; }

    /// <summary>
    /// 规划目标 — the quantified goals the document sets, offsets into their sections' bodies. An engine may leave
    /// them out of <see cref="IStoredDocument.Outline"/> and give them through <see cref="IStoredDocument.Targets"/>.
    /// </summary>
    public IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> Targets { get; init; } = [];

    /// <summary>
    /// The shown fields whose value was inferred rather than printed (issuers, documentNumber, date, year, region,
    /// type, title): every view that shows them says so.
    /// </summary>
    public IReadOnlyList<string> Inferred { get; init; } = [];

    /// <summary>
    /// A section's place in <see cref="Sections"/> by its index (<see cref="SectionRecord.SectionIndex"/>; they coincide
    /// unless a writer skipped sections), or -1 when the document has no such section.
    /// </summary>
    public int PositionOf(int sectionIndex)
    {
        if (sectionIndex >= 0 && sectionIndex < Sections.Count && Sections[sectionIndex].SectionIndex == sectionIndex)
            return sectionIndex;
        for (int i = 0; i < Sections.Count; i++)
        {
            if (Sections[i].SectionIndex == sectionIndex)
                return i;
        }
        return -1;
    }

    private static readonly System.Text.Json.JsonSerializerOptions MetadataJsonOptions = new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static DocumentRecord From(PolicyDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var m = d.Metadata;
        string title = m.Title?.Value ?? m.NoticeTitle?.Value ?? Path.GetFileNameWithoutExtension(d.Source);
        return new DocumentRecord(
            d.Id, title, m.NoticeTitle?.Value, [.. m.Issuers.Select(i => i.Value)], m.DocumentNumber?.Value.ToString(),
            m.SigningDate?.Value ?? m.PublicationDate?.Value, m.Year?.Value, m.Region?.Value.Name, m.DocumentType?.Value,
            d.Industries, d.Source, d.AlternateSources,
            [.. d.Sections.Select(s => new SectionRecord(s.Index, s.Level, s.HeadingPath, d.BodyOf(s), s.Units, s.Industries))])
        {
            MetadataJson = System.Text.Json.JsonSerializer.Serialize(m, MetadataJsonOptions),
            Inferred = InferredFields(m),
            Targets = d.Targets,
        };
    }

    private static List<string> InferredFields(DocumentMetadata m)
    {
        var inferred = new List<string>();
        void Check(string field, Provenance? provenance)
        {
            if (provenance == Provenance.Inferred)
                inferred.Add(field);
        }
        Check("title", m.Title?.Provenance);
        Check("issuers", m.Issuers.Any(i => i.Provenance == Provenance.Inferred) ? Provenance.Inferred : null);
        Check("documentNumber", m.DocumentNumber?.Provenance);
        Check("date", (m.SigningDate ?? m.PublicationDate)?.Provenance);
        Check("year", m.Year?.Provenance);
        Check("region", m.Region?.Provenance);
        Check("type", m.DocumentType?.Provenance);
        return inferred;
    }
}
