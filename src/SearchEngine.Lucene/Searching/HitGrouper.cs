using SearchEngine.Lucene.Indexing;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Orders the matching sections that pass the filters into hits: each section alone, or (grouping by document) each
/// document's best section with its next best ones. "Best" is the sort's key first (relevance: none; a date order:
/// the document's day, undated last either way), then the score, then the earlier section, as the native engine orders.
/// </summary>
internal static class HitGrouper
{
    private const int OtherSectionsKept = 3;

    /// <summary>A hit before hydration: its section's doc and score, and (grouped) the document's other matching sections.</summary>
    public sealed record Hit(int Doc, float Score, SectionInfo Section, IReadOnlyList<(int Doc, float Score)> Others);

    public static List<Hit> Order(IEnumerable<(int Doc, float Score, SectionInfo Section)> matches, bool groupByDocument, SearchSort sort)
    {
        var ranked = matches.OrderByDescending(m => m.Score).ThenBy(m => m.Doc).ToList();
        List<Hit> hits;
        if (!groupByDocument)
            hits = [.. ranked.Select(m => new Hit(m.Doc, m.Score, m.Section, []))];
        else
        {
            // Ranked best first, so each document's first section is its best and the rest follow in order.
            hits = [.. ranked.GroupBy(m => m.Section.DocumentId, StringComparer.Ordinal).Select(g =>
            {
                var best = g.First();
                return new Hit(best.Doc, best.Score, best.Section, [.. g.Skip(1).Take(OtherSectionsKept).Select(o => (o.Doc, o.Score))]);
            })];
        }
        if (sort == SearchSort.Relevance)
            return hits;
        // A stable sort keeps the relevance order among hits of one day.
        return [.. hits.OrderBy(h => h.Section.SortDay == LuceneFields.NoDate ? 1 : 0)
            .ThenBy(h => sort == SearchSort.DateDesc ? -h.Section.SortDay : h.Section.SortDay)];
    }
}
