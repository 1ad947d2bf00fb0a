namespace SearchEngine.Search.Model;

/// <summary>A completion and how many sections (a term) or documents (an issuer, a title) it has.</summary>
public sealed record Suggestion(string Text, long Sections)
{
    /// <summary>The longest prefix completed; a longer one is a query, not something typed letter by letter.</summary>
    public const int MaxPrefixLength = 32;

    /// <summary>What the completion is: <see cref="SuggestionKinds.Term"/>, <see cref="SuggestionKinds.Issuer"/> or <see cref="SuggestionKinds.Title"/>.</summary>
    public string Kind { get; init; } = SuggestionKinds.Term;
}

/// <summary>The kinds of completion, named once.</summary>
public static class SuggestionKinds
{
    public const string Term = "term";
    public const string Issuer = "issuer";
    public const string Title = "title";
}
