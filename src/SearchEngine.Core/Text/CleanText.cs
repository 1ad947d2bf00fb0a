namespace SearchEngine.Core.Text;

/// <summary>The cleaner's output: display text, and what was taken out of it and why.</summary>
/// <param name="Text">Paragraphs separated by '\n', no blank lines, characters as printed.</param>
/// <param name="Removed">Boilerplate, page markers and page headers that were removed, in order.</param>
/// <param name="WasHardWrapped">True when the lines were a layout's lines (PDF, fixed-width scrape) and got joined.</param>
public sealed record CleanText(string Text, IReadOnlyList<RemovedFragment> Removed, bool WasHardWrapped);

/// <summary>A piece of the raw text the cleaner removed.</summary>
/// <param name="Kind">What it was, e.g. <see cref="RemovedFragment.PageHeader"/>.</param>
/// <param name="Text">The removed text, trimmed.</param>
public sealed record RemovedFragment(string Kind, string Text)
{
    public const string Boilerplate = "boilerplate";
    public const string PageHeader = "page-header";
    public const string FileName = "file-name";
    public const string PageNumber = "page-number";
    public const string PageMarker = "page-marker";
    public const string PageSummary = "page-summary";
    public const string PrintFurniture = "print-furniture";
}
