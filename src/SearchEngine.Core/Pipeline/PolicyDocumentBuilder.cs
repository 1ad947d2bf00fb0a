using SearchEngine.Core.Documents;
using SearchEngine.Core.Industries;
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

    public PolicyDocument Build(string id, string source, SourceFormat format, string rawText, IReadOnlyDictionary<string, string>? properties = null)
    {
        var clean = _cleaner.Clean(rawText);
        string text = clean.Text;
        var sections = SectionSplitter.Split(text);
        int preambleEnd = sections.FirstOrDefault(s => s.Level != HeadingLevel.Preamble)?.Start ?? text.Length;
        var metadata = _metadata.Extract(text, preambleEnd, clean.Removed, properties ?? new Dictionary<string, string>());

        var enriched = sections.Select(s =>
        {
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
        return new PolicyDocument(id, source, format, text, metadata, enriched, []) { Industries = industries };
    }
}
