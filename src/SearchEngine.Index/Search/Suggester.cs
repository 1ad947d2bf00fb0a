using SearchEngine.Core.Analysis;

namespace SearchEngine.Index.Search;

/// <summary>
/// 联想 — completions of a typed prefix from the index's terms, most frequent first. Only terms that are words
/// of the vocabulary (dictionary, policy lexicon) or mixed tokens are offered, so the bigram sub-words indexed
/// for recall (兴产, 略性) never show up as suggestions.
/// </summary>
public sealed class Suggester(IndexSnapshot snapshot, ChineseAnalyzer analyzer)
{
    public const int MaxPrefixLength = 32;

    private static readonly System.Buffers.SearchValues<char> NumberBrackets = System.Buffers.SearchValues.Create("〔【［[（(");

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count = 10)
    {
        string normalized = ChineseAnalyzer.Normalize(prefix ?? "").Trim();
        // A number is indexed in one spelling, 湘政办发(2021)47号: 湘政办发〔2021〕 and 湘政办发［2021］第4 complete to it.
        if (normalized.AsSpan().IndexOfAny(NumberBrackets) >= 0)
            normalized = SearchEngine.Core.Text.SearchFolding.Fold(normalized).Replace(" ", "", StringComparison.Ordinal).Replace(")第", ")", StringComparison.Ordinal);
        if (normalized.Length == 0 || normalized.Length > MaxPrefixLength)
            return [];
        var frequencies = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var view in snapshot.Segments)
        {
            var terms = view.Reader.SortedTerms;
            int i = LowerBound(terms, normalized);
            for (; i < terms.Length && terms[i].StartsWith(normalized, StringComparison.Ordinal); i++)
            {
                string term = terms[i];
                if (term.Length <= normalized.Length || !IsSuggestible(term))
                    continue;
                view.Reader.TryGetTerm(term, out var info);
                frequencies[term] = frequencies.GetValueOrDefault(term) + info.DocFrequency;
            }
        }
        return [.. frequencies.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Math.Clamp(count, 1, 50)).Select(kv => new Suggestion(kv.Key, kv.Value))];
    }

    private bool IsSuggestible(string term) =>
        !Model.DocumentNumberTerms.IsNumberTerm(term) && (analyzer.Vocabulary.Contains(term) || term.Any(char.IsAsciiLetterOrDigit));

    private static int LowerBound(string[] sorted, string key)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(sorted[mid], key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}

/// <summary>A completion and how many sections contain it.</summary>
public sealed record Suggestion(string Text, long Sections);
