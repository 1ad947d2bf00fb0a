using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchEngine.Core.Analysis;
using SearchEngine.Core.Text;
using SearchEngine.Lucene.Analysis;
using SearchEngine.Lucene.Indexing;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// 联想 — completions of a typed prefix, as the native engine offers them: terms of the term dictionary that start
/// with it, most sections first (words of the vocabulary or mixed tokens only, so sub-words never show; short Latin
/// terms in capitals), then issuers and titles that contain it, with their counts. A term's count is the live
/// sections holding it in any text field.
/// </summary>
internal sealed class LuceneSuggester(LuceneSnapshot snapshot)
{
    private static readonly System.Buffers.SearchValues<char> NumberBrackets = System.Buffers.SearchValues.Create("〔【［[（(");

    /// <summary>Issuers and titles offered at most, together, beside the terms.</summary>
    private const int MaxOthers = 4;

    public IReadOnlyList<Suggestion> Suggest(string prefix, int count)
    {
        string normalized = ChineseAnalyzer.Normalize(prefix ?? "").Trim();
        if (normalized.AsSpan().IndexOfAny(NumberBrackets) >= 0)
            normalized = SearchFolding.Fold(normalized).Replace(" ", "", StringComparison.Ordinal).Replace(")第", ")", StringComparison.Ordinal);
        if (normalized.Length == 0 || normalized.Length > Suggestion.MaxPrefixLength)
            return [];
        count = Math.Clamp(count, 1, 50);
        var completions = Terms(normalized).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Length).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new Suggestion(Display(kv.Key), kv.Value)).ToList();
        var others = normalized.Length < 2 ? [] : Issuers(normalized).Concat(Titles(normalized)).ToList();
        int termSlots = Math.Max(count - Math.Min(others.Count, MaxOthers), count / 2);
        return [.. completions.Take(termSlots).Concat(others.Take(count - Math.Min(completions.Count, termSlots)))];
    }

    /// <summary>Terms longer than the prefix that start with it, each with the live sections holding it in any text field.</summary>
    private Dictionary<string, long> Terms(string prefix)
    {
        var sections = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var start = new BytesRef(prefix);
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            foreach (string field in LuceneFields.Text)
            {
                var terms = reader.GetTerms(field);
                if (terms is null)
                    continue;
                var e = terms.GetEnumerator();
                if (e.SeekCeil(start) == TermsEnum.SeekStatus.END)
                    continue;
                do
                {
                    string term = e.Term.Utf8ToString();
                    if (!term.StartsWith(prefix, StringComparison.Ordinal))
                        break;
                    if (term.Length <= prefix.Length || !IsSuggestible(term))
                        continue;
                    if (!sections.TryGetValue(term, out var docs))
                        sections[term] = docs = [];
                    var postings = e.Docs(reader.LiveDocs, null, DocsFlags.NONE);
                    for (int doc = postings.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.NextDoc())
                        docs.Add(leaf.DocBase + doc);
                }
                while (e.MoveNext());
            }
        }
        return sections.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (long)kv.Value.Count, StringComparer.Ordinal);
    }

    // SmartCn's terms are not our vocabulary's: with it every term of the dictionary may complete.
    private bool IsSuggestible(string term) =>
        !DocumentNumberTerms.IsNumberTerm(term)
        && (snapshot.Analyzer != LuceneAnalyzers.Policy || ChineseAnalyzer.Default.Vocabulary.Contains(term) || term.Any(char.IsAsciiLetterOrDigit));

    /// <summary>Short Latin or alphanumeric terms are abbreviations written in capitals (5G, AI, IC).</summary>
    private static string Display(string term) =>
        term.Length <= 4 && term.All(char.IsAsciiLetterOrDigit) && term.Any(char.IsAsciiLetterLower) ? term.ToUpperInvariant() : term;

    /// <summary>Issuers whose name contains the prefix, with the number of live documents each issued.</summary>
    private IEnumerable<Suggestion> Issuers(string text)
    {
        var documents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var section in snapshot.Table.Sections)
        {
            if (section is null)
                continue;
            foreach (string issuer in section.Issuers)
            {
                if (!issuer.Contains(text, StringComparison.Ordinal))
                    continue;
                if (!documents.TryGetValue(issuer, out var ids))
                    documents[issuer] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(section.DocumentId);
            }
        }
        return documents.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2)
            .Select(kv => new Suggestion(kv.Key, kv.Value.Count) { Kind = SuggestionKinds.Issuer });
    }

    /// <summary>Titles of live documents that contain the prefix (count 1 each: a title names one document).</summary>
    private IEnumerable<Suggestion> Titles(string text) =>
        snapshot.Table.Titles.Where(t => t.Contains(text, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Take(MaxOthers)
            .Select(t => new Suggestion(t, 1) { Kind = SuggestionKinds.Title });
}
