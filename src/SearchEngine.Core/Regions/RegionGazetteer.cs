using SearchEngine.Core.Analysis;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Regions;

/// <summary>
/// 行政区划 — China's administrative divisions (Data/divisions.txt, GB/T 2260): the nation, 34 provincial-level
/// divisions (省级), about 330 prefecture-level (地级) and about 2,850 county-level (县级), with the short forms
/// texts use (广东, 湘西州, 浏阳) and the one-character 简称 (abbreviation) of each province (粤, 湘).
/// Several regions may share a name (朝阳区 of Beijing and of Changchun; 鼓楼区 of four cities): look-ups then
/// take a context region and prefer a candidate inside it.
/// </summary>
public sealed class RegionGazetteer
{
    /// <summary>The nation: what national authorities (国务院, 国家发展改革委, 工业和信息化部) govern.</summary>
    /// <summary>The nation: what national organs (国务院, 工业和信息化部 …) govern.</summary>
    internal static Region Nation { get; } = new("中国", RegionLevel.Nation, "中国");

    // Words an authority's name may start with instead of a region name (省政府, 市科技局, 县人民政府): the region is
    // the context's own at that level. Longest first so 自治区 is not read as 自 + 治区.
    private static readonly (string Word, RegionLevel Level)[] LevelWords =
    [
        ("自治区", RegionLevel.Province), ("自治州", RegionLevel.City), ("自治县", RegionLevel.County),
        ("省", RegionLevel.Province), ("市", RegionLevel.City), ("州", RegionLevel.City), ("盟", RegionLevel.City),
        ("县", RegionLevel.County), ("区", RegionLevel.County), ("旗", RegionLevel.County),
    ];

    // Words that start with a level word but name no level: 市场监督管理局 is a market regulator, 区域 a region.
    private static readonly string[] NotLevelWords = ["市场", "区域", "县域"];

    private readonly List<Region> _regions = [];
    private readonly Dictionary<string, Region> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _parentCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Region> _provinceByName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, Region> _byAbbreviation = [];
    private readonly Dictionary<string, List<Region>> _byForm = new(StringComparer.Ordinal);
    private readonly string[] _nationalPrefixes;

    // Trie values index _trieForms; a form with no regions is a non-mention word, read as a whole and ignored.
    private readonly RegionNameTrie _trie = new();
    private readonly List<(string Form, Region[] Regions)> _trieForms = [];

    /// <summary>The gazetteer of the embedded data files.</summary>
    public static RegionGazetteer Default { get; } = new();

    private RegionGazetteer()
    {
        _nationalPrefixes = [.. DataFile.ReadLines("national-issuers.txt")
            .Concat(DataFile.ReadTabbed("national-organs.txt").SelectMany(e => e.Value.Split('|').Prepend(e.Key)))
            .Where(p => p.Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(p => p.Length)];
        Add(Nation, ["全国"]);
        foreach (var line in DataFile.ReadLines("divisions.txt"))
            Load(line);

        var nonMentions = DataFile.ReadLines("region-non-mentions.txt").ToHashSet(StringComparer.Ordinal);
        foreach (var (form, regions) in _byForm)
        {
            if (!nonMentions.Contains(form))
                AddToTrie(form, [.. regions]);
        }
        foreach (var word in nonMentions)
            AddToTrie(word, []);
    }

    /// <summary>Every region: the nation first, then the divisions in code order.</summary>
    public IReadOnlyList<Region> Regions => _regions;

    /// <summary>
    /// The region a name means, by its full name (广东省, 朝阳区) or a short form (广东, 湘西州). When several regions
    /// share the name, the one inside <paramref name="context"/> (same province, then same city) is preferred, else
    /// the one of the highest level; null when the name is unknown or still ambiguous.
    /// </summary>
    public Region? Find(string name, Region? context = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byForm.TryGetValue(name.Trim(), out var regions) ? Choose(regions, context) : null;
    }

    /// <summary>
    /// The region an issuing authority (发文机关) governs: 广东省人民政府办公厅 → 广东省, 中共湖南省委 → 湖南省,
    /// 长沙市天心区人民政府 → 天心区, 国务院办公厅 and 工业和信息化部 → the nation (中国). The name must start with the
    /// region (after an optional 中共): 国务院关于湖北省巴东县… is the nation's. A name that starts with a bare level
    /// word (省政府, 市科技局, 县人民政府) means the context's own province, city or county, and null without one.
    /// </summary>
    /// <param name="issuer">The authority's name as printed.</param>
    /// <param name="context">Where the document comes from, when known: resolves bare level words and shared names.</param>
    public Region? OfIssuer(string issuer, Region? context = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        string name = issuer.Trim();
        foreach (var party in (ReadOnlySpan<string>)["中国共产党", "中共"])
        {
            if (name.StartsWith(party, StringComparison.Ordinal))
            {
                name = name[party.Length..];
                break;
            }
        }
        if (_nationalPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            return Nation;

        // 湖南省怀化市人民政府 names the city: follow full names as long as each lies inside the one before.
        Region? found = null;
        for (int at = 0; at < name.Length;)
        {
            var (length, index) = _trie.LongestAt(name, at);
            if (length == 0 || _trieForms[index].Regions.Length == 0)
                break;
            var (form, regions) = _trieForms[index];
            // After the first region only full names count: in 湖北省公安厅, 公安 is not 公安县.
            if (found is not null && !regions.Any(r => r.Name == form))
                break;
            var region = Choose(regions, found ?? context);
            if (region is null || (found is not null && !Contains(found, region)))
                break;
            found = region;
            at += length;
        }
        return found ?? OfLevelWord(name, context);
    }

    /// <summary>
    /// Every region a text names, left to right: full names and short forms of two or more characters, the longest
    /// name at each position, never overlapping. One-character 简称 never count (湘 is in 湘江 and 湘菜). A name
    /// several regions share is resolved with the region mentioned last as context, and left out when that does not
    /// decide it. A two-character name counts only as a word of its own (not 新平 in 创新平台). Linear in the length
    /// of the text.
    /// </summary>
    public IEnumerable<RegionMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Mentions(text);
    }

    private IEnumerable<RegionMention> Mentions(string text)
    {
        Region? last = null;
        for (int at = 0; at < text.Length;)
        {
            var (length, index) = _trie.LongestAt(text, at);
            if (length == 0)
            {
                at++;
                continue;
            }
            // A two-character name often lies across two words (创新平台 holds 新平, 构建湖南 holds 建湖): it counts
            // only where the segmenter finds it a word, and otherwise the next position gets its chance.
            if (length == 2 && !IsWord(text, at, length))
            {
                at++;
                continue;
            }
            var (form, regions) = _trieForms[index];
            if (regions.Length > 0 && Choose(regions, last) is { } region)
            {
                yield return new RegionMention(region, at, length, form);
                last = region;
            }
            at += length;
        }
    }

    /// <summary>
    /// Whether text[start..start+length] stands as a word of its own, segmenting a few characters around it: no word
    /// may start before it and reach into it, or start inside it and reach beyond it. A word that begins with it
    /// counts (怀化国际陆港, 怀化学院 name Huaihua), a word that holds it further in does not (雄安新区 is not 安新).
    /// </summary>
    private static bool IsWord(string text, int start, int length)
    {
        const int Margin = 6;
        int from = Math.Max(0, start - Margin), to = Math.Min(text.Length, start + length + Margin);
        int begin = start - from, end = begin + length;
        foreach (var token in ChineseAnalyzer.Default.Analyze(text[from..to], AnalysisMode.Query))
        {
            bool overlaps = token.Start < end && token.End > begin;
            bool inside = token.Start >= begin && token.End <= end;
            if (overlaps && !inside && token.Start != begin)
                return false;
        }
        return true;
    }

    /// <summary>
    /// How often each region is named in a text (see <see cref="FindMentions"/>), with a name it is named by: the
    /// full name when the text uses it, else the first short form.
    /// </summary>
    public IEnumerable<(Region Region, int Count, string Name)> CountMentions(string text) =>
        FindMentions(text)
            .GroupBy(m => m.Region)
            .Select(g => (g.Key, g.Count(), g.Any(m => m.Form == g.Key.Name) ? g.Key.Name : g.First().Form))
            .OrderBy(m => m.Key.Code, StringComparer.Ordinal);

    /// <summary>The province whose 简称 (one-character abbreviation) this is: 粤 → 广东省, 湘 → 湖南省, 黔 → 贵州省.</summary>
    public Region? ProvinceOfAbbreviation(char abbreviation) => _byAbbreviation.GetValueOrDefault(abbreviation);

    /// <summary>The region directly above: a county's city (or its province when the province governs it directly),
    /// a city's province, a province's nation; null for the nation.</summary>
    public Region? Parent(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.Level == RegionLevel.Nation)
            return null;
        if (_parentCode.TryGetValue(region.Code, out var code) && _byCode.TryGetValue(region.Code, out var known) && known == region)
            return _byCode[code];
        // A region built elsewhere (read back from the index) has no code: go by its names.
        return region.Level == RegionLevel.Province ? Nation
            : region.City is { } city ? Find(city, region)
            : _provinceByName.GetValueOrDefault(region.Province);
    }

    /// <summary>The region with this GB/T 2260 code (430000 湖南省, 431200 怀化市), or null.</summary>
    public Region? ByCode(string code) => _byCode.GetValueOrDefault(code);

    private void Load(string line)
    {
        // code, name, level, parent code, short forms, 简称; empty trailing columns may be missing.
        var parts = line.Split('\t');
        if (parts.Length < 3 || !Enum.TryParse<RegionLevel>(parts[2], out var level) || level == RegionLevel.Nation)
            throw new InvalidDataException($"divisions.txt: '{line}' is not code<TAB>name<TAB>level<TAB>parent code<TAB>short forms<TAB>简称; regenerate it with tools/divisions/convert.py.");
        string code = parts[0], name = parts[1], parentCode = parts.Length > 3 ? parts[3] : "";
        Region region;
        if (level == RegionLevel.Province)
        {
            region = new Region(name, level, name) { Code = code };
            _provinceByName[name] = region;
        }
        else
        {
            var parent = _byCode.GetValueOrDefault(parentCode)
                ?? throw new InvalidDataException($"divisions.txt: the parent {parentCode} of {code} {name} is not listed before it; the file must be in code order.");
            region = new Region(name, level, parent.Province)
            {
                Code = code,
                City = level == RegionLevel.County && parent.Level == RegionLevel.City ? parent.Name : null,
            };
            _parentCode[code] = parentCode;
        }
        _byCode[code] = region;
        Add(region, Split(parts, 4));
        foreach (var abbreviation in Split(parts, 5))
            _byAbbreviation[abbreviation[0]] = region;
    }

    private static string[] Split(string[] parts, int column) =>
        parts.Length > column ? parts[column].Split('|', StringSplitOptions.RemoveEmptyEntries) : [];

    private void Add(Region region, IEnumerable<string> shortForms)
    {
        _regions.Add(region);
        foreach (var form in shortForms.Prepend(region.Name))
        {
            if (!_byForm.TryGetValue(form, out var regions))
                _byForm[form] = regions = [];
            regions.Add(region);
        }
    }

    private void AddToTrie(string form, Region[] regions)
    {
        _trie.Add(form, _trieForms.Count);
        _trieForms.Add((form, regions));
    }

    /// <summary>One of several regions sharing a name: inside the context's province, then its city; else the highest level.</summary>
    private static Region? Choose(IReadOnlyList<Region> regions, Region? context)
    {
        if (regions.Count == 1)
            return regions[0];
        IReadOnlyList<Region> pool = regions;
        if (context is not null)
        {
            var sameProvince = regions.Where(r => r.Province == context.Province).ToList();
            if (sameProvince.Count > 0)
                pool = sameProvince;
            string? city = CityOf(context);
            var sameCity = sameProvince.Where(r => city is not null && CityOf(r) == city).ToList();
            if (sameCity.Count > 0)
                pool = sameCity;
        }
        var top = pool.Min(r => r.Level);
        var best = pool.Where(r => r.Level == top).Take(2).ToList();
        return best.Count == 1 ? best[0] : null;
    }

    private static string? CityOf(Region region) => region.Level == RegionLevel.City ? region.Name : region.City;

    private static bool Contains(Region outer, Region inner) => outer.Level switch
    {
        RegionLevel.Nation => true,
        RegionLevel.Province => inner.Level > RegionLevel.Province && inner.Province == outer.Province,
        RegionLevel.City => inner.Level == RegionLevel.County && inner.City == outer.Name && inner.Province == outer.Province,
        _ => false,
    };

    /// <summary>省政府 → the context's province, 市科技局 → its city, 县人民政府 → its county; null without context.</summary>
    private Region? OfLevelWord(string name, Region? context)
    {
        if (context is null || NotLevelWords.Any(w => name.StartsWith(w, StringComparison.Ordinal)))
            return null;
        foreach (var (word, level) in LevelWords)
        {
            if (name.Length > word.Length && name.StartsWith(word, StringComparison.Ordinal))
                return OfContext(context, level, word);
        }
        return null;
    }

    private Region? OfContext(Region context, RegionLevel level, string word)
    {
        if (context.Level == RegionLevel.Nation)
            return null;
        var province = _provinceByName.GetValueOrDefault(context.Province);
        switch (level)
        {
            case RegionLevel.Province:
                return province;
            case RegionLevel.City:
                // A county-level city calls itself 市 (浏阳市's 市政府 is its own), and a municipality (直辖市) is a
                // province that calls itself 市 (北京市's districts answer to 市政府).
                if (context.Level == RegionLevel.County && word == "市" && context.Name.EndsWith('市'))
                    return context;
                if (context.Level == RegionLevel.City)
                    return context;
                if (context.City is { } city)
                    return Find(city, context);
                return word == "市" && province is not null && province.Name.EndsWith('市') ? province : null;
            default:
                return context.Level == RegionLevel.County ? context : null;
        }
    }
}
