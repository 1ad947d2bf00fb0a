namespace SearchEngine.Search.Model;

/// <summary>
/// The order of hits. By date, a document's date counts (its year's 1 January when only the year is known);
/// documents without either come last in both directions, and hits of one date are ordered by relevance.
/// </summary>
public enum SearchSort
{
    /// <summary>Best score first (the default).</summary>
    Relevance,

    /// <summary>Newest first: "the latest plans on 氢能".</summary>
    DateDesc,

    /// <summary>Oldest first.</summary>
    DateAsc,
}
