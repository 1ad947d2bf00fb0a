using System.Text.Json.Serialization;

namespace SearchEngine.Core.Documents;

/// <summary>地区 — an administrative region: 湖南省 (province), 怀化市 (city), 洪江市 (county-level).</summary>
/// <param name="Name">Full name: 湖南省, 怀化市.</param>
/// <param name="Level">Administrative level.</param>
/// <param name="Province">The province it lies in (itself for a province).</param>
public sealed record Region(string Name, RegionLevel Level, string Province)
{
    /// <summary>
    /// 行政区划代码 — the GB/T 2260 division code (430000, 431200, 431281); empty for the nation.
    /// Not serialized: the index and the inspection print a region by name, level and province.
    /// </summary>
    [JsonIgnore]
    public string Code { get; init; } = "";

    /// <summary>
    /// The prefecture-level city (地级市, 自治州, 地区, 盟) a county lies in; null for a nation, province or city, and
    /// for a county the province governs directly (仙桃市, or a municipality's districts). Not serialized, like <see cref="Code"/>.
    /// </summary>
    [JsonIgnore]
    public string? City { get; init; }
}

/// <summary>Administrative level of a region.</summary>
public enum RegionLevel
{
    Nation,
    Province,
    City,
    County,
}
