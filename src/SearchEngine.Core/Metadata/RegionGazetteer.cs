using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>The regions we know (Data/regions.txt): names, levels, and the short forms texts use.</summary>
public sealed class RegionGazetteer
{
    private readonly List<(Region Region, string[] Names)> _entries = [];

    public static RegionGazetteer Default { get; } = Load();

    private static RegionGazetteer Load()
    {
        var gazetteer = new RegionGazetteer();
        foreach (var line in DataFile.ReadLines("regions.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length < 3 || !Enum.TryParse<RegionLevel>(parts[1], out var level))
                throw new InvalidDataException($"regions.txt: '{line}' is not name<TAB>level<TAB>province<TAB>short forms.");
            var shortForms = parts.Length > 3 ? parts[3].Split('|', StringSplitOptions.RemoveEmptyEntries) : [];
            gazetteer._entries.Add((new Region(parts[0], level, parts[2]), [parts[0], .. shortForms]));
        }
        return gazetteer;
    }

    /// <summary>The region an issuer's name belongs to: 湖南省人民政府办公厅 → 湖南省, 怀化市科技局 → 怀化市.</summary>
    public Region? OfIssuer(string issuer)
    {
        // The most local match wins: 怀化市人民政府 names a city even though a province contains it.
        return _entries
            .Where(e => e.Names.Any(n => issuer.StartsWith(n, StringComparison.Ordinal) || (n.Length >= 2 && issuer.Contains(n, StringComparison.Ordinal))))
            .OrderByDescending(e => e.Region.Level)
            .Select(e => e.Region)
            .FirstOrDefault();
    }

    // TEMPORARY shim until the full gazetteer lands (branch issue9-gazetteer replaces this file).
    public Region? Find(string name, Region? context = null) =>
        _entries.Where(e => e.Names.Contains(name) && e.Region.Level != RegionLevel.Nation && name.Length >= 2)
            .OrderByDescending(e => context is not null && e.Region.Province == context.Province)
            .Select(e => e.Region).FirstOrDefault();

    public Region? OfIssuer(string issuer, Region? context) => OfIssuer(issuer);

    public Region? ProvinceOfAbbreviation(char c) => c switch
    {
        '湘' => Find("湖南省"),
        '赣' => Find("江西省"),
        '粤' => Find("广东省"),
        '鄂' => Find("湖北省"),
        _ => null,
    };

    /// <summary>How often each region is named in a text, by full name or a short form of two or more characters.</summary>
    public IEnumerable<(Region Region, int Count, string Name)> CountMentions(string text)
    {
        foreach (var (region, names) in _entries)
        {
            int count = 0;
            string? seen = null;
            foreach (var name in names.Where(n => n.Length >= 2).Distinct())
            {
                int c = Occurrences.Count(text, name);
                // A full name also contains its short form (怀化市 ⊃ 怀化): count the short form only beyond it.
                if (name != region.Name)
                    c -= Occurrences.Count(text, region.Name);
                if (c > 0)
                {
                    count += c;
                    seen ??= name;
                }
            }
            if (count > 0)
                yield return (region, count, seen!);
        }
    }
}
