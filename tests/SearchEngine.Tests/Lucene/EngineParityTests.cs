using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Tests.Lucene;

/// <summary>
/// The Lucene.Net engine (policy analyzer) and the native engine, both built from the seeds, answer the same
/// queries with the same documents and the same facet counts through the engine contract. Orders are not
/// compared: Lucene scores each field with its own BM25 and counts sub-words as words, where the native engine
/// scores BM25F with sub-words at 0.35, so ties and near-ties may fall differently.
/// </summary>
public sealed class EngineParityTests(BothEnginesOnSeeds engines) : IClassFixture<BothEnginesOnSeeds>
{
    public static TheoryData<string> SeedQueries =>
    [
        "氢能", "北斗", "工业互联网", "人工智能", "\"高质量发展\"", "氢能 OR 北斗", "人工智能 -北斗", "title:规划", "heading:目标",
        "湘政办发〔2024〕3号", "湘政办发(2024)3号", "湘政办发〔2021〕47号", "湘政办发（2021）第47号", "发展 year:2021..2024", "湘政办发", "氢能 year:2021..2024", "新能源汽车 产业链", "issuer:湖南省人民政府办公厅",
        "智能网联汽车", "集成电路 芯片", "数字经济", "工程机械 出口 品牌 数字化", "氢能 量子 元宇宙", "氢能 恐龙化石",
    ];

    private static SearchRequest Request(string q, SearchFilters? filters = null, bool group = true) =>
        new() { Query = q, Filters = filters ?? SearchFilters.None, GroupByDocument = group, Size = 1000, Highlight = false };

    [Theory]
    [MemberData(nameof(SeedQueries))]
    public void Should_match_the_same_documents_as_the_native_engine(string query)
    {
        // Given both indexes of the seeds, when each runs the query
        var native = engines.Native.Search(Request(query));
        var lucene = engines.Lucene.Search(Request(query));

        // Then the same documents match, relaxed the same way when no section holds every word
        Assert.True(native.TotalDocuments > 0, $"{query} matches nothing in the seeds");
        Assert.Equal(native.Relaxed?.Mode, lucene.Relaxed?.Mode);
        Assert.Equal(native.Relaxed?.NotRequired ?? [], lucene.Relaxed?.NotRequired ?? []);
        Assert.Equal(native.TotalDocuments, lucene.TotalDocuments);
        Assert.Equal(native.Total, lucene.Total);
        Assert.Equal(native.Hits.Select(h => h.DocumentId).Order(), lucene.Hits.Select(h => h.DocumentId).Order());
        Assert.Equal(native.Warnings, lucene.Warnings);
        Assert.Equal(native.QueryFilters, lucene.QueryFilters);
        Assert.Equal(native.Expansions.Select(e => e.Term), lucene.Expansions.Select(e => e.Term));
    }

    [Theory]
    [MemberData(nameof(SeedQueries))]
    public void Should_match_the_same_sections_ungrouped(string query)
    {
        var native = engines.Native.Search(Request(query, group: false));
        var lucene = engines.Lucene.Search(Request(query, group: false));
        if (native.Relaxed?.Mode == RelaxedMatch.DocumentMode)
        {
            // A relaxed answer by document shows each document's best section, chosen among equally covering ones by
            // score, and the two engines' scores differ: the documents are compared.
            Assert.Equal(native.Hits.Select(h => h.DocumentId).Order(), lucene.Hits.Select(h => h.DocumentId).Order());
            return;
        }
        Assert.Equal(native.Hits.Select(h => (h.DocumentId, h.SectionId)).Order(), lucene.Hits.Select(h => (h.DocumentId, h.SectionId)).Order());
    }

    public static TheoryData<string, SearchFilters> FacetCases => new()
    {
        { "氢能", SearchFilters.None },
        { "发展", new SearchFilters { Issuers = ["湖南省人民政府办公厅"] } },
        { "发展", new SearchFilters { Issuers = ["湖南省人民政府办公厅", "湖南省人民政府"], YearFrom = 2021 } },
        { "产业", new SearchFilters { ExcludedIssuers = ["湖南省人民政府"] } },
        { "产业", new SearchFilters { Industries = ["新能源汽车"], ExcludedRegions = ["长沙市"] } },
        { "", new SearchFilters { YearFrom = 2020, YearTo = 2024 } },
        { "创新 year:2021..2024", SearchFilters.None },
    };

    [Theory]
    [MemberData(nameof(FacetCases))]
    public void Should_count_the_same_facets_as_the_native_engine(string query, SearchFilters filters)
    {
        var native = engines.Native.Search(Request(query, filters));
        var lucene = engines.Lucene.Search(Request(query, filters));
        Assert.Null(native.Relaxed);
        Assert.Equal(native.TotalDocuments, lucene.TotalDocuments);
        foreach (var (facet, values) in native.Facets)
        {
            Assert.True(lucene.Facets.TryGetValue(facet, out var luceneValues), $"facet {facet} missing");
            // Values of equal counts are ordered by name in both, so the lists compare whole.
            Assert.Equal(values, luceneValues);
            Assert.Equal(native.FacetSizes[facet], lucene.FacetSizes[facet]);
        }
    }

    [Theory]
    [InlineData("工程机械 出口 品牌 数字化", RelaxedMatch.DocumentMode)]
    [InlineData("氢能 恐龙化石", RelaxedMatch.PartialMode)]
    public void Should_relax_as_the_native_engine_when_no_section_holds_every_word(string query, string mode)
    {
        var lucene = engines.Lucene.Search(Request(query));
        Assert.Equal(mode, lucene.Relaxed?.Mode);
        Assert.NotEmpty(lucene.Hits);
    }

    [Fact]
    public void Should_page_through_the_same_documents()
    {
        var all = engines.Lucene.Search(Request("发展")).Hits.Select(h => h.DocumentId).ToList();
        var paged = Enumerable.Range(1, 100)
            .SelectMany(p => engines.Lucene.Search(Request("发展") with { Page = p, Size = 3 }).Hits)
            .Select(h => h.DocumentId).ToList();
        Assert.Equal(all, paged);
        Assert.True(all.Count > 3);
    }

    [Theory]
    [InlineData(SearchSort.DateDesc)]
    [InlineData(SearchSort.DateAsc)]
    public void Should_order_by_date_with_undated_documents_last(SearchSort sort)
    {
        var native = engines.Native.Search(Request("发展") with { Sort = sort });
        var lucene = engines.Lucene.Search(Request("发展") with { Sort = sort });
        // Dates are exact, so the order of dates is the same; documents of one date may differ by relevance.
        Assert.Equal(native.Hits.Select(h => h.Date), lucene.Hits.Select(h => h.Date));
        var dated = lucene.Hits.TakeWhile(h => h.Date is not null || h.Year is not null).Count();
        Assert.All(lucene.Hits.Skip(dated), h => Assert.True(h.Date is null && h.Year is null));
    }

    [Fact]
    public void Should_give_the_same_trend_as_the_native_engine()
    {
        Assert.Equal(engines.Native.Trend("氢能"), engines.Lucene.Trend("氢能"));
    }

    [Fact]
    public void Should_count_the_same_documents_and_sections()
    {
        Assert.Equal(engines.Native.DocumentCount, engines.Lucene.DocumentCount);
        Assert.Equal(engines.Native.SectionCount, engines.Lucene.SectionCount);
    }

    [Fact]
    public void Should_mark_hits_with_the_heading_path()
    {
        var result = engines.Lucene.Search(new SearchRequest { Query = "氢能" });
        Assert.Contains("<mark>氢能</mark>", result.Hits[0].Snippet, StringComparison.Ordinal);
        Assert.Contains(result.Hits, h => h.HeadingPath.Count > 0);
    }

    [Fact]
    public void Should_suggest_terms_issuers_and_titles_as_the_native_engine()
    {
        Assert.Equal(engines.Native.Suggest("氢"), engines.Lucene.Suggest("氢"));
        Assert.Equal(engines.Native.Suggest("湖南省"), engines.Lucene.Suggest("湖南省"));
    }

    [Fact]
    public void Should_open_a_document_with_its_outline_and_section_texts()
    {
        var id = engines.Lucene.Search(Request("氢能")).Hits[0].DocumentId;
        var native = engines.Native.OpenDocument(id)!;
        var lucene = engines.Lucene.OpenDocument(id)!;
        Assert.Equal(native.Outline.Title, lucene.Outline.Title);
        Assert.Equal(native.Outline.Sections.Count, lucene.Outline.Sections.Count);
        Assert.All(lucene.Outline.Sections, s => Assert.Empty(s.Body));
        for (int i = 0; i < native.Outline.Sections.Count; i++)
        {
            Assert.Equal(native.BodyLength(i), lucene.BodyLength(i));
            Assert.Equal(native.Text(i, 0, native.BodyLength(i)), lucene.Text(i, 0, lucene.BodyLength(i)));
        }
        Assert.Null(engines.Lucene.OpenDocument("no-such-document"));
    }

    [Fact]
    public void Should_mark_whole_texts_as_the_native_engine()
    {
        const string text = "加快氢能产业发展，推进氢燃料电池汽车示范应用。";
        Assert.Equal(engines.Native.MarkerFor("氢能")(text), engines.Lucene.MarkerFor("氢能")(text));
    }
}
