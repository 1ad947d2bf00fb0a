namespace SearchEngine.Search.Highlighting;

/// <summary>
/// What a query matched, to mark in a snippet or the document view: its words and their synonyms wherever they
/// occur, and each phrase (a quoted phrase, or a synonym of several words such as 第十四个五年规划) only where its
/// terms occur as that phrase, never word by word elsewhere. Words of an excluded part are not marked.
/// Each engine builds them from the same compiled query its search runs (the native engine in IndexSearcher.HighlightTermsFor).
/// </summary>
public sealed class HighlightTerms
{
    public static HighlightTerms None { get; } = new([]);

    public HighlightTerms(IEnumerable<HighlightPhrase> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var multi = new List<HighlightPhrase>();
        foreach (var phrase in phrases)
        {
            if (phrase.Terms.Count == 1)
                words.Add(phrase.Terms[0]);
            else if (phrase.Terms.Count > 1 && seen.Add(phrase.Key))
                multi.Add(phrase);
        }
        Words = words;
        Phrases = multi;
    }

    /// <summary>Single terms, each marked wherever it occurs.</summary>
    public IReadOnlySet<string> Words { get; }

    /// <summary>Phrases of two or more terms, marked only where they occur as the phrase.</summary>
    public IReadOnlyList<HighlightPhrase> Phrases { get; }

    public bool IsEmpty => Words.Count == 0 && Phrases.Count == 0;

    /// <summary>Terms to mark wherever they occur (no phrases).</summary>
    public static HighlightTerms OfWords(IEnumerable<string> terms) => new(terms.Select(HighlightPhrase.Word));
}
