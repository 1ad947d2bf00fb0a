using SearchEngine.Search.Model;

namespace SearchEngine.Web.Export;

/// <summary>
/// 对比 — the issuer × year comparison as the page's 对比 view lays it out, for a CSV: one row per issuer (in the order
/// the trend lists them), one column per year from the first to the last (a year without documents is a 0, so the
/// columns are a timeline), and 合计 (total), the issuer's documents over those years. With issuers chosen as filters,
/// only their rows: another issuer's row would count the chosen ones' joint documents under its own name. There is no
/// total row: a document of two issuers is in both rows, so a column's sum would count it twice.
/// </summary>
internal sealed record TrendTable(IReadOnlyList<int> Years, IReadOnlyList<TrendTable.Row> Rows)
{
    /// <summary>An issuer's documents per year, in the order of <see cref="Years"/>, and their sum.</summary>
    public sealed record Row(string Issuer, IReadOnlyList<int> Documents, int Total);

    public static TrendTable From(IReadOnlyList<TrendCell> cells, IReadOnlyList<string> chosenIssuers)
    {
        var chosen = chosenIssuers.ToHashSet(StringComparer.Ordinal);
        var shown = chosen.Count > 0 ? [.. cells.Where(c => chosen.Contains(c.Issuer))] : cells;
        if (shown.Count == 0)
            return new TrendTable([], []);
        int first = shown.Min(c => c.Year), last = shown.Max(c => c.Year);
        int[] years = [.. Enumerable.Range(first, last - first + 1)];
        var counts = shown.GroupBy(c => (c.Issuer, c.Year)).ToDictionary(g => g.Key, g => g.Sum(c => c.Documents));
        var rows = shown.Select(c => c.Issuer).Distinct(StringComparer.Ordinal)
            .Select(issuer =>
            {
                int[] documents = [.. years.Select(y => counts.GetValueOrDefault((issuer, y)))];
                return new Row(issuer, documents, documents.Sum());
            })
            .ToList();
        return new TrendTable(years, rows);
    }

    /// <summary>The header: 发文机关 (issuer), the years, 合计 (total).</summary>
    public IReadOnlyList<string> Headers =>
        ["发文机关", .. Years.Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "合计"];
}
