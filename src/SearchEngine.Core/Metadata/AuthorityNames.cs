using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Regions;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 发文机关 — the grammar of an issuing authority's name: a national organ from Data/national-organs.txt
/// (国务院, 工业和信息化部, 发展改革委 …), or a regional organ, [中共] region + organ (江西省人民政府办公厅,
/// 怀化市科学技术局, 中共湖南省委), where the region may be left implicit (省政府办公厅, 自治区人民政府) and is then
/// the document's own. Names are given in their full form: short forms of national organs and of organ parts
/// (市场监管局 → 市场监督管理局, Data/authority-forms.txt) are expanded.
/// </summary>
internal sealed partial class AuthorityNames
{
    private readonly RegionGazetteer _regions;
    private readonly Dictionary<string, string> _national = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _organForms;

    public static AuthorityNames Default { get; } = new(RegionGazetteer.Default);

    public AuthorityNames(RegionGazetteer regions)
    {
        _regions = regions;
        foreach (var (full, shortForms) in DataFile.ReadTabbed("national-organs.txt"))
        {
            _national.TryAdd(full, full);
            foreach (var form in shortForms.Split('|', StringSplitOptions.RemoveEmptyEntries))
                _national.TryAdd(form, full);
        }
        _organForms = DataFile.ReadTabbed("authority-forms.txt").ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> reads as one authority's name (no verbs, no punctuation).</summary>
    public bool IsAuthority(string name)
    {
        name = name.Trim();
        if (name.Length is < 2 or > 40 || !OnlyNameCharacters().IsMatch(name))
            return false;
        if (_national.ContainsKey(name))
            return true;
        return name.Length >= 3 && AuthorityEnding().IsMatch(name) && !NotAName().IsMatch(name);
    }

    /// <summary>Whether the name is a national organ's (full or short form).</summary>
    public bool IsNational(string name) => _national.ContainsKey(name.Trim());

    /// <summary>
    /// Splits a run of names printed together into authorities: "财政部 工业和信息化部", "财政部、科技部",
    /// "国家发展改革委国家能源局". Null when some part is not an authority.
    /// </summary>
    public List<string>? SplitJoint(string run)
    {
        var parts = run.Split([' ', '\u3000', '、', '，', ','], StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        foreach (var part in parts)
        {
            if (IsAuthority(part) && (SplitNational(part) is not { Count: > 1 } split))
            {
                names.Add(part);
                continue;
            }
            if (SplitNational(part) is { Count: > 0 } nationals)
            {
                names.AddRange(nationals);
                continue;
            }
            return null;
        }
        return names.Count > 0 ? names : null;
    }

    /// <summary>A run made only of national organs' names, split greedily by the longest name.</summary>
    private List<string>? SplitNational(string run)
    {
        var names = new List<string>();
        int at = 0;
        while (at < run.Length)
        {
            int best = 0;
            for (int len = Math.Min(20, run.Length - at); len >= 2; len--)
            {
                if (_national.ContainsKey(run.Substring(at, len)))
                {
                    best = len;
                    break;
                }
            }
            if (best == 0)
                return null;
            names.Add(run.Substring(at, best));
            at += best;
        }
        return names;
    }

    /// <summary>
    /// The full name of an authority: national short forms expanded (发展改革委 → 国家发展和改革委员会), the region
    /// written out (省政府办公厅 in a Jiangxi document → 江西省人民政府办公厅) and the organ part expanded
    /// (江西省市场监管局 → 江西省市场监督管理局). <paramref name="context"/> is the region the document belongs to,
    /// needed for names that leave it implicit; without it such a name is returned as printed.
    /// </summary>
    public string Canonical(string name, Region? context)
    {
        name = name.Trim();
        if (_national.TryGetValue(name, out var national))
            return national;
        string party = name.StartsWith("中共", StringComparison.Ordinal) ? "中共" : "";
        string rest = name[party.Length..];
        var (region, regionLength) = LeadingRegion(rest, context);
        if (region is not null)
        {
            string organ = rest[regionLength..];
            // 中共湖南省委 keeps the party form: the region's short form and 委 are one word there.
            if (party.Length > 0 && organ is "委" or "省委" or "市委" or "县委" or "区委" or "州委")
                return name;
            return party + region.Name + ExpandOrgan(organ);
        }
        if (context is not null && ImplicitRegion(rest, context) is { } implied)
            return party + implied.Region.Name + ExpandOrgan(rest[implied.LevelWordLength..]);
        return name;
    }

    /// <summary>The region an authority belongs to: the nation for national organs, else by the region its name starts with.</summary>
    public Region? RegionOf(string name, Region? context)
    {
        name = name.Trim();
        if (_national.ContainsKey(name))
            return Nation;
        string rest = name.StartsWith("中共", StringComparison.Ordinal) ? name[2..] : name;
        if (LeadingRegion(rest, context).Region is { } region)
            return region;
        if (context is not null && ImplicitRegion(rest, context) is { } implied)
            return implied.Region;
        return _regions.OfIssuer(name, context) is { Level: not RegionLevel.Nation } byGazetteer && name.StartsWith(byGazetteer.Name, StringComparison.Ordinal)
            ? byGazetteer
            : null;
    }

    /// <summary>The nation, as the gazetteer names it.</summary>
    public static Region Nation => RegionGazetteer.Nation;

    private string ExpandOrgan(string organ) => _organForms.TryGetValue(organ, out var full) ? full : organ;

    /// <summary>The longest region name or short form the text starts with (江西省, 深圳市, 新疆维吾尔自治区, 湘西州).</summary>
    private (Region? Region, int Length) LeadingRegion(string text, Region? context)
    {
        if (LevelWords.Any(w => text.StartsWith(w.Word, StringComparison.Ordinal)))
            return (null, 0); // 省政府…, 市科技局…: a level word, not a place name

        for (int len = Math.Min(12, text.Length - 1); len >= 2; len--)
        {
            string candidate = text[..len];
            if (_regions.Find(candidate, context) is { Level: not RegionLevel.Nation } region)
            {
                // A short form must be followed by an organ, not by more of a place name (湖南 + 省…).
                return (region, len);
            }
        }
        return (null, 0);
    }

    /// <summary>省政府, 市科技局, 自治区人民政府: a bare level word stands for the context region of that level.</summary>
    private (Region Region, int LevelWordLength)? ImplicitRegion(string text, Region context)
    {
        foreach (var (word, level) in LevelWords)
        {
            if (!text.StartsWith(word, StringComparison.Ordinal) || text.Length == word.Length)
                continue;
            var region = level == RegionLevel.Province
                ? (context.Level == RegionLevel.Province ? context : _regions.Find(context.Province))
                : context.Level == level ? context
                // In a municipality (北京市, 重庆市) 市政府 is the municipality's own government.
                : word == "市" && context.Level == RegionLevel.Province && context.Name.EndsWith('市') ? context
                : null;
            if (region is not null)
                return (region, word.Length);
        }
        return null;
    }

    private static readonly (string Word, RegionLevel Level)[] LevelWords =
    [
        ("自治区", RegionLevel.Province), ("省", RegionLevel.Province), ("自治州", RegionLevel.City), ("州", RegionLevel.City),
        ("市", RegionLevel.City), ("县", RegionLevel.County), ("区", RegionLevel.County),
    ];

    [GeneratedRegex(@"^[\u4e00-\u9fff（）()·]+$")]
    private static partial Regex OnlyNameCharacters();

    [GeneratedRegex(@"(人民政府|政府|办公厅|办公室|委员会|常委会|省委|市委|县委|区委|州委|党委|党组|厅|局|委|院|署|部|办|室|会|处|中心|小组|总队|支队)$")]
    private static partial Regex AuthorityEnding();

    // Words that show a phrase rather than a name: verbs and particles that organ names never contain.
    [GeneratedRegex(@"关于|印发|转发|批转|通知|的|了|按照|根据|会议|研究|同意|决定|我们|各地|有关|负责|要求|以上|召开|开展|加强")]
    private static partial Regex NotAName();
}
