using SearchEngine.Core.Documents;
using SearchEngine.Core.Regions;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Core.Regions;

/// <summary>
/// The region table (region-cases.txt): "find NAME | context=PATH => REGION LEVEL PROVINCE" for
/// <see cref="RegionGazetteer.Find"/>, "issuer …" for <see cref="RegionGazetteer.OfIssuer"/>. Adding a case is adding a line.
/// </summary>
public class RegionTableTests
{
    private const string Table = "region-cases.txt";
    private static readonly RegionGazetteer Gazetteer = RegionGazetteer.Default;

    public static TheoryData<int, string, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Regions", Table)))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            int bar = line.IndexOf(" | context=", StringComparison.Ordinal);
            int arrow = line.IndexOf(" => ", StringComparison.Ordinal);
            if (space < 0 || bar < space || arrow < bar)
                throw new FormatException($"{Table}:{lineNumber}: '{line}' is not 'find|issuer NAME | context=PATH => EXPECTED'.");
            data.Add(lineNumber, line[..space], line[(space + 1)..bar], line[(bar + " | context=".Length)..arrow].Trim(), line[(arrow + 4)..].Trim());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_resolve_as_the_table_says(int line, string operation, string name, string contextPath, string expected)
    {
        var context = Context(contextPath);
        Assert.True(contextPath.Length == 0 || context is not null, $"{Table}:{line}: the context {contextPath} is not a region path.");
        var region = operation switch
        {
            "find" => Gazetteer.Find(name, context),
            "issuer" => Gazetteer.OfIssuer(name, context),
            _ => throw new FormatException($"{Table}:{line}: unknown operation '{operation}'."),
        };
        string got = region is null ? "null"
            : region.Level == RegionLevel.Nation ? $"{region.Name} {region.Level}"
            : $"{region.Name} {region.Level} {region.Province}";
        Assert.True(expected == got, $"{Table}:{line}: {operation} {name} (context {contextPath}) => {got}, expected {expected}");
    }

    [Fact]
    public void Should_hold_every_kind_of_case() =>
        Assert.True(Cases().Count >= 100, $"{Table} has {Cases().Count} cases");

    /// <summary>省/市/县: each name is found inside the one before, as a reader of the document would.</summary>
    private static Region? Context(string path)
    {
        Region? context = null;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            context = Gazetteer.Find(name, context);
            if (context is null)
                return null;
        }
        return context;
    }
}
