using SearchEngine.Index;
using SearchEngine.Index.Search;
using SearchEngine.Lucene;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>The seeds end to end on our engine; the suggestion display rule is the native suggester's own.</summary>
public sealed class SeedSearchTests() : SeedSearchContract(NativeEngine.Instance)
{
    [Theory]
    [InlineData("5g", "5G")]
    [InlineData("ai", "AI")]
    [InlineData("b2b", "B2B")]
    [InlineData("lorem", "lorem")]
    [InlineData("氢能", "氢能")]
    public void Should_show_short_latin_terms_in_capitals(string indexed, string shown) =>
        Assert.Equal(shown, Suggester.Display(indexed));
}

/// <summary>The same tests over the Lucene.Net engine with our analyzer: the contract, not the engine, is tested.</summary>
public sealed class SeedSearchTestsOnLucene() : SeedSearchContract(new LuceneEngine());

/// <summary>An engine end to end on the real seeds, through the engine contract: ranking, highlighting, facets, grouping, suggestions.</summary>
public abstract class SeedSearchContract : TempFolderTest
{
    private readonly IIndexSnapshot _snapshot;

    protected SeedSearchContract(ISearchEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        using var writer = engine.OpenWriter(Folder);
        foreach (var d in Seeds.Report.Documents)
            writer.AddOrUpdate(DocumentRecord.From(d));
        writer.AddOrUpdate(Hostile());
        _snapshot = writer.Commit();
    }

    private SearchResult Search(string q, SearchFilters? filters = null, bool group = true) =>
        _snapshot.Search(new SearchRequest { Query = q, Filters = filters ?? SearchFilters.None, GroupByDocument = group });

    [Fact]
    public void Should_find_hydrogen_with_the_word_marked_and_the_heading_path()
    {
        var result = Search("氢能");
        Assert.True(result.TotalDocuments >= 3);
        var top = result.Hits[0];
        Assert.Contains("<mark>氢能</mark>", top.Snippet, StringComparison.Ordinal);
        Assert.NotEmpty(top.HeadingPath);
        Assert.All(result.Hits, h => Assert.Contains("<mark>", h.Snippet, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_show_the_plan_once_although_two_files_hold_it()
    {
        var result = Search("战略性新兴产业");
        Assert.Single(result.Hits, h => h.Title == "湖南省“十四五”战略性新兴产业发展规划");
        var plan = result.Hits.Single(h => h.Title == "湖南省“十四五”战略性新兴产业发展规划");
        Assert.Equal(["seeds/001_d055fb890c9c7445.txt"], plan.AlternateSources);
    }

    [Fact]
    public void Should_mark_a_phrase_as_one_span()
    {
        var result = Search("\"高质量发展\"");
        Assert.Contains("<mark>高质量发展</mark>", result.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_escape_document_text_and_keep_only_its_own_marks()
    {
        var result = Search("恶意脚本");
        var hit = Assert.Single(result.Hits);
        Assert.DoesNotContain("<script>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b onmouseover=&quot;x&quot;&gt;", hit.Snippet, StringComparison.Ordinal);
        string withoutMarks = hit.Snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain('<', withoutMarks);
    }

    [Fact]
    public void Should_narrow_by_issuer_while_keeping_the_other_issuers_counts()
    {
        var all = Search("发展");
        var narrowed = Search("发展", new SearchFilters { Issuers = ["中共湖南省委"] });
        Assert.True(narrowed.TotalDocuments < all.TotalDocuments);
        Assert.All(narrowed.Hits, h => Assert.Contains("中共湖南省委", h.Issuers));
        // multi-select: the issuer facet still offers the other issuers with their full counts
        Assert.Equal(all.Facets[FacetNames.Issuer].Count, narrowed.Facets[FacetNames.Issuer].Count);
        Assert.True(narrowed.Facets[FacetNames.Year].Sum(v => v.Count) <= narrowed.TotalDocuments);
    }

    [Fact]
    public void Should_filter_by_year_range_and_industry_from_the_query_text()
    {
        var result = Search("产业 year:2023..2024");
        Assert.All(result.Hits, h => Assert.InRange(h.Year!.Value, 2023, 2024));
        var hydrogen = Search("发展 industry:氢能");
        Assert.NotEmpty(hydrogen.Hits);
        Assert.All(hydrogen.Hits, h => Assert.Contains("氢能", h.Industries));
    }

    [Fact]
    public void Should_list_other_matching_sections_of_a_document_when_grouping()
    {
        var grouped = Search("北斗");
        var sections = Search("北斗", group: false);
        Assert.True(sections.Hits.Count >= grouped.Hits.Count);
        Assert.Equal(grouped.TotalDocuments, sections.TotalDocuments);
        Assert.Contains(grouped.Hits, h => h.OtherSections.Count > 0);
        Assert.Equal(grouped.Hits.Count, grouped.Hits.Select(h => h.DocumentId).Distinct().Count());
    }

    [Fact]
    public void Should_rank_a_title_match_above_a_body_only_match()
    {
        var result = Search("长株潭 自主创新", group: false);
        Assert.Equal("长株潭国家自主创新示范区提质升级行动计划", result.Hits[0].Title);
    }

    [Fact]
    public void Should_find_a_word_inside_a_longer_word_but_rank_whole_words_first()
    {
        var result = Search("网联", group: false);
        Assert.NotEmpty(result.Hits);
        Assert.Contains("<mark>网联</mark>", string.Concat(result.Hits.Select(h => h.Snippet)), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_report_warnings_and_still_answer_a_broken_query()
    {
        var result = Search("\"氢能 (储能 foo:bar");
        Assert.NotEmpty(result.Warnings);
        Assert.NotNull(result.Hits);
    }

    [Fact]
    public void Should_suggest_completions_of_a_prefix_from_the_index()
    {
        var suggestions = _snapshot.Suggest("新能");
        var terms = suggestions.Where(s => s.Kind == SuggestionKinds.Term).ToList();
        Assert.Contains(terms, s => s.Text == "新能源汽车");
        Assert.All(terms, s => Assert.StartsWith("新能", s.Text, StringComparison.Ordinal));
        Assert.Equal(terms.OrderByDescending(s => s.Sections).Select(s => s.Sections), terms.Select(s => s.Sections));
        Assert.Equal(terms, suggestions.Take(terms.Count)); // terms first
        Assert.Empty(_snapshot.Suggest(""));
    }

    [Fact]
    public void Should_suggest_issuers_and_titles_that_contain_a_word_with_their_kind_and_count()
    {
        var documents = Seeds.Report.Documents;

        // A complete word still offers something: the titles that contain it
        var titles = _snapshot.Suggest("产业").Where(s => s.Kind == SuggestionKinds.Title).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains(documents, d => d.Metadata.Title?.Value == t.Text && t.Text.Contains("产业", StringComparison.Ordinal)));

        // An issuer, with the number of documents it issued
        var issuer = Assert.Single(_snapshot.Suggest("湖南省人民政府办公厅"), s => s.Kind == SuggestionKinds.Issuer);
        Assert.Equal(documents.Count(d => d.Metadata.Issuers.Any(i => i.Value == "湖南省人民政府办公厅")), issuer.Sections);
    }

    /// <summary>A document whose text carries markup, to prove it is shown as text.</summary>
    private static DocumentRecord Hostile() => new("hostile", "关于测试恶意脚本的通知", null, ["测试机关"], null, null, 2025, null, "通知", [], "test/hostile.txt", [],
        [new SectionRecord(0, SearchEngine.Core.Documents.HeadingLevel.Part, ["一、恶意脚本"], "页面不应执行<script>alert('x')</script>这段恶意脚本，也不应解析<b onmouseover=\"x\">标签</b>。", [], [])]);
}
