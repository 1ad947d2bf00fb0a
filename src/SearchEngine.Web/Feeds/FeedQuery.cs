using System.Globalization;
using System.Text;
using SearchEngine.Search.Model;

namespace SearchEngine.Web.Feeds;

/// <summary>
/// A search as a feed names it: its words, its filters (as parsed, so <c>year</c>, <c>yearFrom</c> and
/// <c>yearTo</c> are one range), whether synonyms apply and how many entries. It writes the feed's canonical query
/// string — parameters in one fixed order, each one's values sorted and without repeats — so every spelling of the
/// same search has one feed id and one self link; the page's query string for the same search; and the feed's
/// Chinese title.
/// </summary>
internal sealed record FeedQuery(string Query, SearchFilters Filters, bool Expand, int Size)
{
    public const int DefaultSize = 20;

    /// <summary>The filter parameters in their fixed order, each with its values and its Chinese label (for the title).</summary>
    private IEnumerable<(string Name, string Label, IReadOnlyList<string> Values)> FilterValues =>
    [
        ("issuer", "发文机关", Filters.Issuers), ("industry", "产业", Filters.Industries), ("region", "地区", Filters.Regions),
        ("type", "文种", Filters.Types), ("unit", "责任单位", Filters.Units),
        ("issuer_not", "排除发文机关", Filters.ExcludedIssuers), ("industry_not", "排除产业", Filters.ExcludedIndustries),
        ("region_not", "排除地区", Filters.ExcludedRegions), ("type_not", "排除文种", Filters.ExcludedTypes), ("unit_not", "排除责任单位", Filters.ExcludedUnits),
    ];

    /// <summary>The years as the page and the API write a range (2021, 2021..2024, 2021.., ..2024), or null for none.</summary>
    public string? Years
    {
        get
        {
            // the parser leaves an open end at 0 or 9999
            int? from = Filters.YearFrom is > 0 ? Filters.YearFrom : null, to = Filters.YearTo is < 9999 ? Filters.YearTo : null;
            return (from, to) switch
            {
                (null, null) => null,
                ({ } f, { } t) when f == t => Number(f),
                _ => $"{(from is { } f2 ? Number(f2) : "")}..{(to is { } t2 ? Number(t2) : "")}",
            };
        }
    }

    /// <summary>The feed's parameters in canonical form: q, the filters in a fixed order, year, expand (only when false), size (only when not the default).</summary>
    public string Canonical()
    {
        var query = Words();
        if (!Expand)
            query.Add("expand", "false");
        if (Size != DefaultSize)
            query.Add("size", Number(Size));
        return query.ToString();
    }

    /// <summary>The page's parameters for the same search, newest first as the feed is (what the page puts in its own address).</summary>
    public string Page()
    {
        var query = Words();
        if (!Expand)
            query.Add("expand", "false");
        query.Add("sort", SearchSorts.DateDesc);
        return query.ToString();
    }

    /// <summary>政策检索：氢能（地区：怀化市；年份：2021–2024） — the words, then the filters; the filters alone when there are no words.</summary>
    public string Title()
    {
        var filters = FilterValues.Where(f => f.Values.Count > 0).Select(f => $"{f.Label}：{string.Join("、", Sorted(f.Values))}").ToList();
        if (Years is { } years)
            filters.Add("年份：" + years.Replace("..", "–", StringComparison.Ordinal));
        string words = Query.Trim();
        string scope = string.Join("；", filters);
        return "政策检索：" + (words.Length == 0 ? scope : scope.Length == 0 ? words : $"{words}（{scope}）");
    }

    private QueryString Words()
    {
        var query = new QueryString();
        if (Query.Length > 0)
            query.Add("q", Query);
        foreach (var (name, _, values) in FilterValues)
        {
            foreach (string value in Sorted(values))
                query.Add(name, value);
        }
        if (Years is { } years)
            query.Add("year", years);
        return query;
    }

    private static IEnumerable<string> Sorted(IReadOnlyList<string> values) => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>name=value pairs joined with &amp;, both escaped as data (a space is %20, never +).</summary>
    private sealed class QueryString
    {
        private readonly StringBuilder _text = new();

        public void Add(string name, string value) =>
            _text.Append(_text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));

        public override string ToString() => _text.ToString();
    }
}
