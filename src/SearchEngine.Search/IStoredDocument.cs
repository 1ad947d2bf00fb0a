using SearchEngine.Search.Model;

namespace SearchEngine.Search;

/// <summary>
/// A stored document opened for one request: its outline (metadata and section headings) at once, section texts
/// read when asked for, so a page of a long document costs the page. Not thread-safe.
/// </summary>
public interface IStoredDocument
{
    /// <summary>The document with every section's <see cref="SectionRecord.Body"/> empty.</summary>
    DocumentRecord Outline { get; }

    /// <summary>The length of a section's text, by its position in the document, without reading it.</summary>
    int BodyLength(int position);

    /// <summary><paramref name="length"/> characters of a section's text from <paramref name="from"/>.</summary>
    string Text(int position, int from, int length);

    /// <summary>规划目标 — the document's plan targets with their sentences, read when first asked for.</summary>
    IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> Targets { get; }

    /// <summary>
    /// The plan targets of the sections <paramref name="section"/> keeps (by section index): a search that matched two
    /// sections of a long plan reads those sections' sentences, not every section's.
    /// </summary>
    IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> TargetsIn(Func<int, bool> section);
}
