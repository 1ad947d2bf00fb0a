namespace SearchEngine.Search.Highlighting;

/// <summary>
/// Terms to mark only where they occur together: each at its slot offset from the first, as a phrase query
/// matches them (a single term has offset 0 and is marked wherever it occurs).
/// </summary>
public sealed record HighlightPhrase(IReadOnlyList<string> Terms, IReadOnlyList<int> Offsets)
{
    /// <summary>
    /// The phrase as a reader writes it (the quoted text, or the synonym list's entry), stop words included: where
    /// it occurs plainly guides the snippet window. Defaults to the terms run together.
    /// </summary>
    public string Text { get; init; } = string.Concat(Terms);

    /// <summary>One term, marked wherever it occurs.</summary>
    public static HighlightPhrase Word(string term) => new([term], [0]);

    /// <summary>A key equal for equal phrases (records compare lists by reference).</summary>
    internal string Key => string.Join('\u001f', Terms.Zip(Offsets, (t, o) => $"{o}:{t}"));
}
