namespace SearchEngine.Search.Model;

/// <summary>
/// A query word that synonyms expanded: the word as typed and what else it matched (as the synonym list writes
/// them), e.g. 氢能 → 氢燃料电池, 燃料电池. Listed so a reader sees why a hit without the word matched.
/// </summary>
public sealed record Expansion(string Term, IReadOnlyList<string> Alternatives);
