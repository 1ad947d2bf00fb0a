namespace SearchEngine.Search.Querying;

/// <summary>
/// An analysed query, independent of any segment: terms as the index holds them, with field masks (bit per
/// scoring field) and weights. Compiled into matchers per segment at search time.
/// </summary>
internal abstract record Clause;

internal sealed record TermClause(string Term, int FieldMask, double Weight) : Clause;

/// <summary>
/// Terms at slot offsets relative to the first, in order; <paramref name="Slop"/> extra character slots may
/// open between them in all (0: exactly adjacent, as a quoted phrase; 1: a run of Chinese typed as one word,
/// so a particle such as 的 may sit between its pieces).
/// </summary>
internal sealed record PhraseClause(IReadOnlyList<string> Terms, IReadOnlyList<int> Offsets, int FieldMask, double Weight, int Slop = 0) : Clause;

internal sealed record AllClause(IReadOnlyList<Clause> Children) : Clause;

internal sealed record AnyClause(IReadOnlyList<Clause> Children) : Clause;

internal sealed record ExcludeClause(Clause Required, Clause Excluded) : Clause;

/// <summary>
/// The documents whose own number is in a series (a number prefix, or prefix and year), newest first; when the index
/// holds no such series, the query as ordinary text (<paramref name="Text"/>).
/// </summary>
internal sealed record SeriesClause(string Term, Clause? Text) : Clause;

/// <summary>Every section: a query of filters only.</summary>
internal sealed record MatchAllClause : Clause;
