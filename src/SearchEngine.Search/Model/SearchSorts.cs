namespace SearchEngine.Search.Model;

/// <summary>The names of <see cref="SearchSort"/> in the API, the CLI and the page's URL: one spelling everywhere.</summary>
public static class SearchSorts
{
    public const string Relevance = "relevance";
    public const string DateDesc = "date_desc";
    public const string DateAsc = "date_asc";

    /// <summary>The accepted names, for messages.</summary>
    public const string Names = "'relevance', 'date_desc' or 'date_asc'";

    /// <summary>Reads a sort name; empty or null is the default (relevance); anything else is false.</summary>
    public static bool TryParse(string? name, out SearchSort sort)
    {
        (bool ok, sort) = name switch
        {
            null or "" or Relevance => (true, SearchSort.Relevance),
            DateDesc => (true, SearchSort.DateDesc),
            DateAsc => (true, SearchSort.DateAsc),
            _ => (false, SearchSort.Relevance),
        };
        return ok;
    }
}
