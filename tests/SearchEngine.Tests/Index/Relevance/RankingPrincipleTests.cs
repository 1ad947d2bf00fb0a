using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index.Relevance;

/// <summary>
/// The ranking principles the judged set measures, on generated plans, one row per technology term: the section
/// whose heading names the term ranks above a section that lists it once, and a short section about the term
/// (several mentions) ranks above a long one that mentions it once.
/// </summary>
public sealed class RankingPrincipleTests : TempFolderTest
{
    private const string Title = "关于推动产业高质量发展的实施意见";

    private static readonly string[] Filler =
    [
        "坚持创新驱动发展，强化企业创新主体地位，完善科技成果转化机制，营造良好创新生态。",
        "优化营商环境，深化放管服改革，落实减税降费政策，降低企业用地用能成本。",
        "加强人才队伍建设，实施高层次人才引进计划，完善人才评价和激励机制。",
        "加大财政资金支持力度，发挥政府引导基金作用，引导社会资本投向重点产业。",
        "推进园区提质升级，完善基础设施和公共服务配套，提高园区亩均效益。",
        "强化统计监测和考核评估，定期通报工作进展，确保各项任务落地见效。",
    ];

    public static TheoryData<string> Terms => ["氢能", "北斗", "工业互联网", "人工智能", "数据要素", "新能源汽车", "集成电路", "低空经济"];

    [Theory]
    [MemberData(nameof(Terms))]
    public void Should_rank_the_section_whose_heading_names_the_term_above_one_listing_it_once(string term)
    {
        // Given a plan with a section headed by the term and another that lists it once among industries
        var named = Section(["三、重点产业", $"（二）{term}产业"], "加快关键技术攻关和装备研发，建设一批示范应用场景，培育一批骨干企业，完善产业链上下游配套。");
        var listed = Section(["一、总体要求", "（一）发展目标"], $"到2027年，新材料、{term}、生物医药、高端装备等产业规模明显壮大。");

        // When the term is searched
        var order = Rank(term, named, listed);

        // Then the named section comes first
        Assert.True(order.IndexOf("named") < order.IndexOf("listed"), $"{term}: {string.Join(" > ", order)}");
    }

    [Theory]
    [MemberData(nameof(Terms))]
    public void Should_rank_a_short_section_about_the_term_above_a_long_one_mentioning_it_once(string term)
    {
        // Given a short section that returns to the term three times and a long one that names it once
        var about = Section(["二、重点任务", "（三）推进示范应用"], $"支持{term}关键技术研发。建设{term}应用示范项目，完善{term}标准体系。");
        var longBody = string.Concat(Filler) + $"统筹新材料、{term}、生物医药等产业布局。" + string.Concat(Filler.Reverse());
        var once = Section(["四、保障措施", "（一）加强组织领导"], longBody);

        // When the term is searched
        var order = Rank(term, about, once);

        // Then the section about it comes first
        Assert.True(order.IndexOf("about") < order.IndexOf("once"), $"{term}: {string.Join(" > ", order)}");
    }

    private static (string Name, IReadOnlyList<string> Heading, string Body) Section(IReadOnlyList<string> heading, string body) => ("", heading, body);

    /// <summary>Indexes the two candidate sections (as separate plans, the first named by its role) among filler plans and returns the roles in rank order.</summary>
    private List<string> Rank(string term, (string, IReadOnlyList<string> Heading, string Body) first, (string, IReadOnlyList<string> Heading, string Body) second,
        [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var roles = test.Contains("heading", StringComparison.Ordinal) ? ("named", "listed") : ("about", "once");
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(Plan(roles.Item1, [first]));
        writer.AddOrUpdate(Plan(roles.Item2, [second]));
        for (int i = 0; i < Filler.Length; i++)
            writer.AddOrUpdate(Plan($"filler{i}", [(["二、重点任务", $"（{"一二三四五六"[i]}）推进重点工作"], Filler[i])]));
        writer.Commit();
        var hits = new IndexSearcher(writer.Snapshot).Search(new SearchRequest { Query = term, GroupByDocument = false, Size = 10 }).Hits;
        return [.. hits.Select(h => h.DocumentId)];
    }

    private static DocumentRecord Plan(string id, IEnumerable<(IReadOnlyList<string> Heading, string Body)> sections) =>
        new(id, Title, null, ["省人民政府"], null, null, 2024, null, null, [], $"gen/{id}.txt", [],
            [.. sections.Select((s, i) => new SectionRecord(i, HeadingLevel.Item, s.Heading, s.Body, [], []))]);

    private static DocumentRecord Plan(string id, IEnumerable<(string, IReadOnlyList<string> Heading, string Body)> sections) =>
        Plan(id, sections.Select(s => (s.Heading, s.Body)));
}
