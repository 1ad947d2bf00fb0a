using SearchEngine.Core.Documents;
using SearchEngine.Core.Industries;
using SearchEngine.Core.Targets;
using SearchEngine.Core.Metadata;
using SearchEngine.Core.Text;
using SearchEngine.Core.Units;

namespace SearchEngine.Core.Pipeline;

/// <summary>
/// The text pipeline from a reader's raw text to a <see cref="PolicyDocument"/>: clean, split into sections,
/// read metadata, assign responsible units and industries to each section. No I/O.
/// </summary>
public sealed class PolicyDocumentBuilder
{
    private readonly PolicyTextCleaner _cleaner = new();
    private readonly MetadataExtractor _metadata = new();
    private readonly ResponsibleUnitExtractor _units = ResponsibleUnitExtractor.Default;
    private readonly IndustryClassifier _industries = IndustryClassifier.Default;

    /// <summary>Sections enriched between two checks of the cancellation token.</summary>
    private const int SectionsPerCheck = 64;

    public PolicyDocument Build(string id, string source, SourceFormat format, string rawText, IReadOnlyDictionary<string, string>? properties = null) =>
        Build(id, source, format, rawText, properties, IngestBudget.None, CancellationToken.None);

    /// <summary>
    /// Builds the document within a budget: more sections than <see cref="IngestBudget.MaxSections"/> throw
    /// <see cref="IngestBudgetExceededException"/> before any section is enriched (enrichment is the costly part, per
    /// section); the token is checked between stages and every few sections, so a cancelled build stops within one
    /// stage's or a few sections' time.
    /// </summary>
    public PolicyDocument Build(
        string id, string source, SourceFormat format, string rawText, IReadOnlyDictionary<string, string>? properties,
        IngestBudget budget, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var clean = _cleaner.Clean(rawText);
        string text = clean.Text;
        cancel.ThrowIfCancellationRequested();
        var sections = SectionSplitter.Split(text);
        if (budget.MaxSections is { } maxSections && sections.Count > maxSections)
            throw new IngestBudgetExceededException($"the file has {sections.Count:N0} sections, more than the {maxSections:N0} allowed; split it into smaller files");
        cancel.ThrowIfCancellationRequested();
        int preambleEnd = sections.FirstOrDefault(s => s.Level != HeadingLevel.Preamble)?.Start ?? text.Length;
        var metadata = _metadata.Extract(text, preambleEnd, clean.Removed, properties ?? new Dictionary<string, string>());

        var enriched = sections.Select((s, i) =>
        {
            if (i % SectionsPerCheck == 0)
                cancel.ThrowIfCancellationRequested();
            string body = text[s.BodyStart..s.End];
            return s with
            {
                Units = _units.Extract(text[s.Start..s.End]),
                Industries = s.Level == HeadingLevel.Preamble ? [] : _industries.Classify(s.Heading, body),
            };
        }).ToList();

        var industries = enriched.SelectMany(s => s.Industries)
            .GroupBy(i => i).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        cancel.ThrowIfCancellationRequested();
        var document = new PolicyDocument(id, source, format, text, metadata, enriched, []) { Industries = industries };
        return document with { Targets = PlanTargetExtractor.Extract(document) };
    }
}
