using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Units;

/// <summary>
/// 牵头/责任单位 — reads the bracketed assignments that close a task:
/// （责任单位：省科技厅、省发展改革委） all responsible; （市科技局牵头，市财政局等按职责分工负责） a lead and others;
/// （市工业和信息化局牵头负责） a lead alone. Names are normalised with Data/unit-aliases.txt (市工信局 → 市工业和信息化局).
/// </summary>
public sealed partial class ResponsibleUnitExtractor
{
    private readonly Dictionary<string, string> _aliases;

    public static ResponsibleUnitExtractor Default { get; } = new();

    public ResponsibleUnitExtractor()
    {
        _aliases = DataFile.ReadTabbed("unit-aliases.txt")
            .Where(e => e.Key != "canonical")
            .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Value);
    }

    /// <summary>The units assigned in a piece of text, lead units first, each once.</summary>
    public IReadOnlyList<ResponsibleUnit> Extract(string text)
    {
        var units = new List<ResponsibleUnit>();
        foreach (Match m in Assignment().Matches(text))
        {
            string clause = m.Groups["clause"].Value;
            foreach (var unit in ParseClause(clause))
            {
                int existing = units.FindIndex(u => u.Name == unit.Name);
                if (existing < 0)
                    units.Add(unit);
                else if (unit.IsLead && !units[existing].IsLead)
                    units[existing] = unit;
            }
        }
        return [.. units.OrderByDescending(u => u.IsLead)];
    }

    private IEnumerable<ResponsibleUnit> ParseClause(string clause)
    {
        // "责任单位：A、B" / "牵头单位：A；配合单位：B" / "A牵头，B等按职责分工负责" / "A牵头负责"
        foreach (var part in clause.Split(['；', ';', '，', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            string p = part.Trim();
            bool lead = p.Contains("牵头", StringComparison.Ordinal);
            p = LabelPrefix().Replace(p, "");
            p = RoleSuffix().Replace(p, "");
            foreach (var name in p.Split(['、', '/', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                string normalised = Normalise(name);
                if (LooksLikeUnit(normalised))
                    yield return new ResponsibleUnit(normalised, lead);
            }
        }
    }

    private string Normalise(string name)
    {
        string n = name.Trim().TrimEnd('等');
        return _aliases.TryGetValue(n, out var canonical) ? canonical : n;
    }

    private static bool LooksLikeUnit(string name)
    {
        string bare = Qualifier().Replace(name, "");
        return bare.Length is >= 3 and <= 30 && UnitEnding().IsMatch(bare);
    }

    /// <summary>A bracketed office after a unit's name: 市政府办(金融工作科).</summary>
    [GeneratedRegex(@"[（(][^（）()]{1,12}[）)]$")]
    private static partial Regex Qualifier();

    // The clause sits in （）, () or, in some files, [] or 【】; unit names may carry a bracketed office:
    // 市政府办(金融工作科). A clause cut off by the end of the text (002's last item) still counts.
    [GeneratedRegex(@"[（(\[【](?<clause>(?:[^（）()\[\]【】]|[（(][^（）()]{1,12}[）)])*?(牵头|责任单位|按职责分工负责|分工负责|配合单位)(?:[^（）()\[\]【】]|[（(][^（）()]{1,12}[）)])*?)(?:[）)\]】]|$)")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^(牵头单位|责任单位|配合单位|参与单位)\s*[:：]\s*")]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"(等?(按职责分工负责|分工负责|牵头负责|负责|牵头|配合))+$")]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"(局|厅|委|办|部|院|会|政府|中心|新区|分行|行|公司|集团|署|所|室|科协|团委|妇联|园区)$")]
    private static partial Regex UnitEnding();
}
