using SearchEngine.Core.Analysis;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Search;

/// <summary>
/// 联想 — completions of a typed prefix: first the index's terms that start with it, most frequent first (only words
/// of the vocabulary or mixed tokens, so the bigram sub-words indexed for recall, 兴产 略性, never show up; short
/// Latin terms in the capitals they are written in, 5G and AI, not the folded 5g), then issuers and document titles
/// that contain it, each with its kind and count, so a complete word (氢能) still offers the plans named after it.
/// </summary>
public sealed class Suggester(IndexSnapshot snapshot, ChineseAnalyzer analyzer)
{
    private static readonly System.Buffers.SearchValues<char> NumberBrackets = System.Buffers.SearchValues.Create("〔【［[（(");

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count = 10)
    {
        string normalized = ChineseAnalyzer.Normalize(prefix ?? "").Trim();
        // A number is indexed in one spelling, 湘政办发(2021)47号: 湘政办发〔2021〕 and 湘政办发［2021］第4 complete to it.
        if (normalized.AsSpan().IndexOfAny(NumberBrackets) >= 0)
            normalized = SearchEngine.Core.Text.SearchFolding.Fold(normalized).Replace(" ", "", StringComparison.Ordinal).Replace(")第", ")", StringComparison.Ordinal);
        if (normalized.Length == 0 || normalized.Length > Suggestion.MaxPrefixLength)
            return [];
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in snapshot.Segments)
        {
            foreach (var (term, info) in view.Reader.EnumerateTerms(normalized))
            {
                if (term.Length <= normalized.Length || !IsSuggestible(term))
                    continue;
                frequencies[term] = frequencies.GetValueOrDefault(term) + info.DocFrequency;
            }
        }
        count = Math.Clamp(count, 1, 50);
        var completions = frequencies.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new Suggestion(Display(kv.Key), kv.Value)).ToList();
        // Issuers and titles only for a prefix of two or more characters: one character is in too many of them.
        var others = normalized.Length < 2 ? [] : Issuers(normalized).Concat(Titles(normalized)).ToList();
        int termSlots = Math.Max(count - Math.Min(others.Count, MaxOthers), count / 2);
        return [.. completions.Take(termSlots).Concat(others.Take(count - Math.Min(completions.Count, termSlots)))];
    }

    /// <summary>Issuers and titles offered at most, together, beside the terms.</summary>
    private const int MaxOthers = 4;

    /// <summary>Short Latin or alphanumeric terms are abbreviations written in capitals (5G, AI, IC); longer words stay as indexed.</summary>
    internal static string Display(string term) =>
        term.Length <= 4 && term.All(char.IsAsciiLetterOrDigit) && term.Any(char.IsAsciiLetterLower) ? term.ToUpperInvariant() : term;

    /// <summary>Issuers whose name contains the prefix, with the number of live documents each issued.</summary>
    private IEnumerable<Suggestion> Issuers(string text)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in snapshot.Segments)
        {
            var values = view.Reader.Values;
            var wanted = new HashSet<int>(Enumerable.Range(0, values.Issuers.Length).Where(i => values.Issuers[i].Contains(text, StringComparison.Ordinal)));
            if (wanted.Count == 0)
                continue;
            for (int d = 0; d < view.Reader.DocumentCount; d++)
            {
                if (view.Deleted[d])
                    continue;
                foreach (int issuer in values.DocumentIssuers[d])
                {
                    if (wanted.Contains(issuer))
                        counts[values.Issuers[issuer]] = counts.GetValueOrDefault(values.Issuers[issuer]) + 1;
                }
            }
        }
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2)
            .Select(kv => new Suggestion(kv.Key, kv.Value) { Kind = SuggestionKinds.Issuer });
    }

    /// <summary>Titles of live documents that contain the prefix (count 1 each: a title names one document).</summary>
    private IEnumerable<Suggestion> Titles(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in snapshot.Segments)
        {
            var titles = view.Reader.Titles;
            for (int d = 0; d < titles.Length && seen.Count < MaxOthers; d++)
            {
                if (!view.Deleted[d] && titles[d].Contains(text, StringComparison.Ordinal) && seen.Add(titles[d]))
                    yield return new Suggestion(titles[d], 1) { Kind = SuggestionKinds.Title };
            }
        }
    }

    private bool IsSuggestible(string term) =>
        !DocumentNumberTerms.IsNumberTerm(term) && (analyzer.Vocabulary.Contains(term) || term.Any(char.IsAsciiLetterOrDigit));
}
