namespace SearchEngine.Core.Targets;

/// <summary>What the document and the text above a sentence say about it: the document's year and kind, the frame, where it is.</summary>
/// <param name="Year">The document's own year, which stated years are judged against.</param>
/// <param name="PlanLike">A plan, action plan or work report: its task sections' counts are goals.</param>
/// <param name="Frame">What the headings and the openings above say the text is about.</param>
/// <param name="Section">The section index.</param>
/// <param name="ParagraphStart">The paragraph's offset in the section body.</param>
internal sealed record TargetContext(int? Year, bool PlanLike, TargetFrame Frame, int Section, int ParagraphStart)
{
    /// <summary>The year the section's first words or its headings state for what it sets out.</summary>
    public int? SectionYear { get; init; }

    /// <summary>The year a document's goals are for when no text near them says: a report's own year, a plan's period end.</summary>
    public int? DocumentYear { get; init; }

    /// <summary>Whether a sentence before this one in the paragraph set a goal (到2025年，… then the figures).</summary>
    public bool ParagraphSetsGoal { get; init; }

    /// <summary>The first goal year the paragraph stated before this sentence.</summary>
    public int? ParagraphYear { get; init; }
}
