using SearchEngine.Search.Model;

namespace SearchEngine.Web.Endpoints;

/// <summary>
/// The checks of the parameters every endpoint that runs a search shares (the search itself, its Atom feed, its
/// export): each returns null when the value is acceptable, else the sentence the 400 problem says, one wording for
/// all of them (and one Chinese pattern in <see cref="Localization.ChineseMessages"/>).
/// </summary>
internal static class SearchChecks
{
    /// <summary><c>q</c> no longer than <see cref="WebOptions.MaxQueryLength"/>.</summary>
    public static string? Query(string? q, WebOptions limits) =>
        (q?.Length ?? 0) > limits.MaxQueryLength ? $"The query is {q!.Length} characters long; the limit is {limits.MaxQueryLength}." : null;

    /// <summary><c>group</c>: absent, <c>document</c> or <c>section</c>.</summary>
    public static string? Group(string? group) =>
        group is null or "" or "document" or "section" ? null : $"group must be 'document' or 'section'; it was '{group}'.";

    /// <summary><c>sort</c>: absent or one of <see cref="SearchSorts"/>, read into <paramref name="order"/>.</summary>
    public static string? Sort(string? sort, out SearchSort order) =>
        SearchSorts.TryParse(sort, out order) ? null : $"sort must be {SearchSorts.Names}; it was '{sort}'.";

    /// <summary>A whole number in a range, named as the client sent it.</summary>
    public static string? Between(string name, int value, int min, int max) =>
        value < min || value > max ? $"{name} must be between {min} and {max}; it was {value}." : null;
}
