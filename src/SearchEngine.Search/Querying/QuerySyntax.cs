using SearchEngine.Search.Model;

namespace SearchEngine.Search.Querying;

/// <summary>The syntax tree of a user's query, before analysis: what the user typed, structured.</summary>
public abstract record QueryNode;

/// <summary>A word as typed (the analyzer may split it into several terms), optionally limited to a field.</summary>
public sealed record WordNode(string Text, IndexField? Field) : QueryNode;

/// <summary>"an exact phrase", optionally limited to a field.</summary>
public sealed record PhraseNode(string Text, IndexField? Field) : QueryNode;

/// <summary>All of the children must match.</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Any of the children may match.</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>-exclude: sections matching the child are removed.</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>The parsed query: the text part, the filters typed as field:value, and what was wrong with it.</summary>
/// <param name="Root">The text query, null when the query holds only filters (or nothing).</param>
/// <param name="Filters">Filters from the query text (year:, issuer:, industry:, region:, type:).</param>
/// <param name="Warnings">Problems the parser worked around, in words a user understands.</param>
public sealed record ParsedQuery(QueryNode? Root, SearchFilters Filters, IReadOnlyList<string> Warnings)
{
    /// <summary>Each filter typed in the query, with the text that typed it (in the order typed).</summary>
    public IReadOnlyList<QueryFilter> QueryFilters { get; init; } = [];
}
