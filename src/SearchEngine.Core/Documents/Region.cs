namespace SearchEngine.Core.Documents;

/// <summary>地区 — an administrative region: 湖南省 (province), 怀化市 (city), 洪江市 (county-level).</summary>
/// <param name="Name">Full name: 湖南省, 怀化市.</param>
/// <param name="Level">Administrative level.</param>
/// <param name="Province">The province it lies in (itself for a province).</param>
public sealed record Region(string Name, RegionLevel Level, string Province);

/// <summary>Administrative level of a region.</summary>
public enum RegionLevel
{
    Nation,
    Province,
    City,
    County,
}
