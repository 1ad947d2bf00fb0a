using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Web.Endpoints;

/// <summary>
/// The filters search, facets and trend share, bound from the query string by <c>[AsParameters]</c>: chosen
/// values (issuer=, industry=, region=, type=, unit=; each repeatable, any of them matches), excluded values
/// (排除 — issuer_not= and the like; each repeatable, none of them may match) and the years. The years:
/// <c>year</c> once, a year or a range (2021, 2021..2024, 2021.., ..2024), and/or <c>yearFrom</c> /
/// <c>yearTo</c>; given together they intersect.
/// </summary>
internal readonly record struct FilterParameters(
    [FromQuery(Name = "issuer")] [property: Description("Issuer filter (发文机关); repeat for several, any of them matches.")] string[]? Issuer,
    [FromQuery(Name = "year")] [property: Description(FilterParameters.YearDescription)] string[]? Year,
    [FromQuery(Name = "yearFrom")] [property: Description("Earliest year; intersects with year when both are given.")] string? YearFrom,
    [FromQuery(Name = "yearTo")] [property: Description("Latest year; intersects with year when both are given.")] string? YearTo,
    [FromQuery(Name = "industry")] [property: Description("Industry filter; repeat for several, any of them matches.")] string[]? Industry,
    [FromQuery(Name = "region")] [property: Description("Region filter (province, prefecture or county); repeat for several.")] string[]? Region,
    [FromQuery(Name = "type")] [property: Description("Document type filter (通知, 意见, 规划 …); repeat for several.")] string[]? Type,
    [FromQuery(Name = "unit")] [property: Description("Responsible unit filter (责任单位): sections naming it; repeat for several.")] string[]? Unit,
    [FromQuery(Name = "issuer_not")] [property: Description("Excluded issuer (排除): documents by it are left out; repeat for several.")] string[]? IssuerNot,
    [FromQuery(Name = "industry_not")] [property: Description("Excluded industry: sections in it are left out; repeat for several.")] string[]? IndustryNot,
    [FromQuery(Name = "region_not")] [property: Description("Excluded region: documents of it are left out; repeat for several.")] string[]? RegionNot,
    [FromQuery(Name = "type_not")] [property: Description("Excluded document type: documents of it are left out; repeat for several.")] string[]? TypeNot,
    [FromQuery(Name = "unit_not")] [property: Description("Excluded responsible unit: sections naming it are left out; repeat for several.")] string[]? UnitNot)
{
    internal const string YearDescription = "A year (2021) or a range of years (2021..2024, 2021.., ..2024), given once.";

    /// <summary>
    /// The filters these parameters ask for, or false with the sentence saying what is wrong: <c>year</c> given
    /// more than once, a year that does not parse, or years that leave no year.
    /// </summary>
    public bool TryGetFilters(out SearchFilters filters, out string error)
    {
        error = "";
        filters = new SearchFilters
        {
            Issuers = Issuer ?? [], Industries = Industry ?? [], Regions = Region ?? [], Types = Type ?? [], Units = Unit ?? [],
            ExcludedIssuers = IssuerNot ?? [], ExcludedIndustries = IndustryNot ?? [], ExcludedRegions = RegionNot ?? [],
            ExcludedTypes = TypeNot ?? [], ExcludedUnits = UnitNot ?? [],
        };
        // year is an array only so that a repeated year is seen (a string would receive the values joined by commas)
        if (Year is { Length: > 1 })
        {
            error = $"year may be given once, as a year or a range such as 2021..2024; it was given {Year.Length} times ({string.Join(", ", Year)}).";
            return false;
        }
        if (Year is [{ Length: > 0 } range])
        {
            if (!QueryParser.TryParseYears(range, out int from, out int to))
            {
                error = $"year must be a year or a range such as 2021..2024; it was '{range}'.";
                return false;
            }
            filters = filters.And(new SearchFilters { YearFrom = from, YearTo = to });
        }
        foreach (var (name, value) in new[] { ("yearFrom", YearFrom), ("yearTo", YearTo) })
        {
            if (string.IsNullOrEmpty(value))
                continue;
            if (!QueryParser.TryParseYears(value, out int y, out int same) || y != same)
            {
                error = $"{name} must be one year between 1900 and 2200; it was '{value}'.";
                return false;
            }
            filters = filters.And(name == "yearFrom" ? new SearchFilters { YearFrom = y } : new SearchFilters { YearTo = y });
        }
        if (filters.YearFrom > filters.YearTo)
        {
            error = $"The years asked for leave no year: from {filters.YearFrom} to {filters.YearTo}.";
            return false;
        }
        return true;
    }
}
