using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// What a search answers when no section holds every required word, as the native engine answers it: one pass per
/// word records which live sections hold it. First, documents whose sections (under the filters, not excluded)
/// together hold every word: each document's best section (most word weight, then score), scored by the sum over
/// words of its best section's score for that word. Failing that, the heaviest set of words one section holds is
/// required and the rest are not. Words that no live section holds are reported.
/// </summary>
internal sealed class QueryRelaxation
{
    private const int OtherSectionsKept = 3;

    private readonly RelaxableWords _relaxable;
    private readonly List<(int Doc, SectionInfo Section, ulong Mask, double Weight, float[] Scores)> _sections = [];

    public QueryRelaxation(RelaxableWords relaxable, Func<global::Lucene.Net.Search.Query, IEnumerable<(int Doc, float Score, SectionInfo Section)>> matches, SectionFilter filter)
    {
        _relaxable = relaxable;
        var words = relaxable.Words;
        var byDoc = new Dictionary<int, (SectionInfo Section, ulong Mask, float[] Scores)>();
        ulong everywhere = 0;
        for (int k = 0; k < words.Count && k < 64; k++)
        {
            foreach (var (doc, score, section) in matches(words[k].Query))
            {
                everywhere |= 1UL << k;
                if (!byDoc.TryGetValue(doc, out var entry))
                    entry = (section, 0, new float[words.Count]);
                entry.Scores[k] = score;
                byDoc[doc] = (entry.Section, entry.Mask | (1UL << k), entry.Scores);
            }
        }
        Absent = [.. Enumerable.Range(0, words.Count).Where(k => k >= 64 || (everywhere & (1UL << k)) == 0).Select(k => words[k].Label)];
        var excluded = relaxable.Excluded is null ? [] : matches(relaxable.Excluded).Select(m => m.Doc).ToHashSet();
        foreach (var (doc, (section, mask, scores)) in byDoc.OrderBy(kv => kv.Key))
        {
            if (filter.Failures(section) != 0 || excluded.Contains(doc))
                continue;
            double weight = Enumerable.Range(0, words.Count).Where(k => (mask & (1UL << k)) != 0).Sum(k => words[k].Weight);
            _sections.Add((doc, section, mask, weight, scores));
        }
    }

    /// <summary>Words (as typed) that no live section of the index holds, whatever the filters.</summary>
    public IReadOnlyList<string> Absent { get; }

    /// <param name="Notice">How the query was relaxed.</param>
    /// <param name="Hits">Document mode: the covering documents' best sections, best first.</param>
    /// <param name="Sections">Document mode: every matching section of the covering documents (for facets and totals).</param>
    /// <param name="Required">Partial mode: the words to require, whose query runs as an ordinary search.</param>
    public sealed record Outcome(RelaxedMatch Notice, List<HitGrouper.Hit> Hits, List<(int Doc, float Score, SectionInfo Section)> Sections, RelaxableWords? Required);

    /// <summary>The relaxed answer, or null when there is none (one word, or no word occurs under the filters).</summary>
    public Outcome? Run()
    {
        var words = _relaxable.Words;
        if (words.Count < 2 || words.Count > 64)
            return null;
        ulong all = words.Count == 64 ? ulong.MaxValue : (1UL << words.Count) - 1;
        var covering = _sections.GroupBy(s => s.Section.DocumentId, StringComparer.Ordinal)
            .Where(g => g.Aggregate(0UL, (m, s) => m | s.Mask) == all).ToList();
        if (covering.Count > 0)
        {
            var hits = covering.Select(g =>
            {
                var ordered = g.OrderByDescending(s => s.Weight).ThenByDescending(s => s.Scores.Sum()).ThenBy(s => s.Doc).ToList();
                var others = ordered.Skip(1).OrderByDescending(s => s.Scores.Sum()).ThenBy(s => s.Doc).Take(OtherSectionsKept).Select(s => (s.Doc, s.Scores.Sum())).ToList();
                float score = Enumerable.Range(0, words.Count).Sum(k => g.Max(s => s.Scores[k]));
                return new HitGrouper.Hit(ordered[0].Doc, score, ordered[0].Section, others);
            }).OrderByDescending(h => h.Score).ThenBy(h => h.Doc).ToList();
            var sections = covering.SelectMany(g => g).Select(s => (s.Doc, s.Scores.Sum(), s.Section)).ToList();
            return new Outcome(new RelaxedMatch(RelaxedMatch.DocumentMode, []), hits, sections, null);
        }
        if (_sections.Count == 0)
            return null;
        // The heaviest combination of words one section holds; among equals, the one more sections hold.
        var best = _sections.GroupBy(s => s.Mask).Select(g => (Mask: g.Key, g.First().Weight, Sections: g.Count()))
            .OrderByDescending(c => c.Weight).ThenByDescending(c => c.Sections).ThenBy(c => c.Mask).First().Mask;
        var required = Enumerable.Range(0, words.Count).Where(k => (best & (1UL << k)) != 0).Select(k => words[k]).ToList();
        var notRequired = Enumerable.Range(0, words.Count).Where(k => (best & (1UL << k)) == 0).Select(k => words[k].Label).ToList();
        return new Outcome(new RelaxedMatch(RelaxedMatch.PartialMode, notRequired), [], [], new RelaxableWords(required, _relaxable.Excluded));
    }
}
