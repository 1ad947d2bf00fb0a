using Microsoft.AspNetCore.WebUtilities;
using SearchEngine.Search.Model;
using SearchEngine.Web.Endpoints;

namespace SearchEngine.Web.Alerts;

/// <summary>
/// A saved search's query string (<c>q=氢能&amp;region=湖南省&amp;year=2021..</c>, the page's own address after its
/// <c>?</c>) read as the search API reads its parameters: the same filters, exclusions, years and <c>expand</c>.
/// </summary>
internal static class SavedSearchQuery
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "q", "expand", "issuer", "year", "yearFrom", "yearTo", "industry", "region", "type", "unit",
        "issuer_not", "industry_not", "region_not", "type_not", "unit_not",
        // the page's own state, which says nothing about what matches
        "group", "sort", "page", "view", "embed", "doc",
    };

    /// <summary>The query and filters, or false with the sentence saying what is wrong.</summary>
    public static bool TryParse(string search, WebOptions limits, out string query, out SearchFilters filters, out bool expand, out string error)
    {
        var p = QueryHelpers.ParseQuery(search.StartsWith('?') ? search : "?" + search);
        query = p.TryGetValue("q", out var q) ? q.ToString() : "";
        filters = SearchFilters.None;
        expand = !p.TryGetValue("expand", out var e) || e.ToString() != "false";
        if (p.Keys.FirstOrDefault(k => !Known.Contains(k)) is { } unknown)
        {
            error = $"The saved search names an unknown parameter '{unknown}'.";
            return false;
        }
        if (SearchChecks.Query(query, limits) is { } tooLong)
        {
            error = tooLong;
            return false;
        }
        string[]? All(string key) => p.TryGetValue(key, out var v) ? [.. v.Where(s => s is not null).Select(s => s!)] : null;
        string? One(string key) => p.TryGetValue(key, out var v) ? v.ToString() : null;
        var parameters = new FilterParameters(All("issuer"), All("year"), One("yearFrom"), One("yearTo"), All("industry"), All("region"),
            All("type"), All("unit"), All("issuer_not"), All("industry_not"), All("region_not"), All("type_not"), All("unit_not"));
        return parameters.TryGetFilters(out filters, out error);
    }
}
