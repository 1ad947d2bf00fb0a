using SearchEngine.Core.Documents;
using SearchEngine.Search.Model;

namespace SearchEngine.Tests.Support;

/// <summary>Generated policy-like documents from a fixed vocabulary, reproducible from a seed.</summary>
internal static class RandomCorpus
{
    public static readonly string[] Words =
    [
        "氢能", "储能", "北斗", "工业互联网", "人工智能", "新能源汽车", "集成电路", "芯片", "发展", "产业", "创新", "企业", "建设",
        "推进", "支持", "加快", "长株潭", "专精特新", "数字经济", "智能网联汽车", "燃料电池", "算力", "平台", "技术", "示范",
        "战略性新兴产业", "高质量发展", "科技成果转化", "关键核心技术", "5G", "2025年", "区块链", "湘江新区", "生物医药",
        "北斗卫星导航", // a synonym of 北斗 that is a phrase beginning with it (SubsumedPhraseMatcher)
    ];

    public static readonly string[] Issuers = ["湖南省人民政府", "湖南省人民政府办公厅", "湖南省工业和信息化厅", "长沙市人民政府", "怀化市人民政府"];
    public static readonly string[] Industries = ["氢能", "新一代信息技术", "新能源汽车", "生物", "人工智能"];
    public static readonly string[] Types = ["规划", "实施方案", "通知", "指导意见"];
    public static readonly string[] Regions = ["湖南省", "长沙市", "怀化市"];

    public static List<DocumentRecord> Generate(int seed, int documents, string idPrefix = "doc")
    {
        var random = new Random(seed);
        var list = new List<DocumentRecord>();
        for (int d = 0; d < documents; d++)
        {
            int sectionCount = random.Next(1, 6);
            var sections = new List<SectionRecord>();
            for (int s = 0; s < sectionCount; s++)
            {
                var heading = new List<string> { $"{s + 1}.{Sentence(random, 1, 3, "")}" };
                var units = random.Next(4) == 0 ? new List<ResponsibleUnit> { new("省科技厅", true), new("省工业和信息化厅", false) } : [];
                var industries = Pick(random, Industries, random.Next(0, 3));
                sections.Add(new SectionRecord(s, HeadingLevel.Item, heading, Sentence(random, 3, 30, random.Next(3) == 0 ? "，" : ""), units, industries));
            }
            list.Add(new DocumentRecord(
                $"{idPrefix}{d:D5}", "关于" + Sentence(random, 1, 4, "") + "的通知", null, Pick(random, Issuers, random.Next(1, 3)),
                random.Next(3) == 0 ? null : $"湘政发〔{2016 + random.Next(10)}〕{random.Next(1, 99)}号", null,
                random.Next(8) == 0 ? null : 2016 + random.Next(10), random.Next(5) == 0 ? null : Regions[random.Next(Regions.Length)],
                Types[random.Next(Types.Length)], Pick(random, Industries, random.Next(0, 3)), $"gen/{idPrefix}{d:D5}.txt", [], sections));
        }
        return list;
    }

    public static string Sentence(Random random, int min, int max, string separator) =>
        string.Join(separator, Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Words[random.Next(Words.Length)]));

    private static List<string> Pick(Random random, string[] from, int count) =>
        [.. from.OrderBy(_ => random.Next()).Take(count).Order(StringComparer.Ordinal)];
}
