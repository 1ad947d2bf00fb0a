namespace SearchEngine.Core.Text;

/// <summary>
/// Turns a reader's raw text into clean display text, in this order: line endings and invisible characters,
/// site boilerplate, page numbers and page markers, hard-wrap joining, spacing, run-on headings.
/// Each step is its own class; this one only fixes the order, which matters (markers must go before joining).
/// </summary>
public sealed class PolicyTextCleaner
{
    private readonly BoilerplateRules _rules;

    public PolicyTextCleaner() : this(BoilerplateRules.Default)
    {
    }

    internal PolicyTextCleaner(BoilerplateRules rules) => _rules = rules;

    public CleanText Clean(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var removed = new List<RemovedFragment>();
        var lines = InvisibleCharacters.Remove(raw).Split('\n').ToList();

        lines = BoilerplateStripper.Strip(lines, _rules, removed);
        lines = PageMarkerRemover.RemovePageNumbers(lines, removed);
        lines = PageMarkerRemover.RemoveSharedPageMarkers(lines, removed);

        bool hardWrapped = HardWrapJoiner.LooksHardWrapped(lines);
        var paragraphs = hardWrapped
            ? HardWrapJoiner.Join(lines)
            : lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        paragraphs = paragraphs.Select(SpacingNormalizer.Normalize).Where(p => p.Length > 0).ToList();
        paragraphs = RunOnHeadingSplitter.Split(paragraphs);
        return new CleanText(string.Join('\n', paragraphs), removed, hardWrapped);
    }
}
