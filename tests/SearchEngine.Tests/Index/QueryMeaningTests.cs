using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// What a query of Chinese words means (query-meaning-cases.txt, one case per line): a run typed without spaces
/// matches as a unit, words inside longer words are found, and a query no section fully answers is relaxed with a
/// notice. Checked on the seeds and on a few generated documents, by the hits' own text, never by a list of hits.
/// </summary>
public sealed class QueryMeaningTests : IClassFixture<QueryMeaningTests.Indexes>
{
    private static readonly string TablePath = Path.Combine(Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Index", "query-meaning-cases.txt");

    private readonly Indexes _indexes;

    public QueryMeaningTests(Indexes indexes) => _indexes = indexes;

    public static TheoryData<int, string, string, string> Cases() => Support.CaseTable.ThreeColumns(TablePath, " | ", " => ");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_match_what_the_table_says(int line, string corpus, string query, string expectations)
    {
        var index = corpus == "seeds" ? _indexes.Seeds : _indexes.Generated;
        var result = index.Searcher.Search(new SearchRequest { Query = query, GroupByDocument = false, Size = 100, Highlight = false });
        string where = $"query-meaning-cases.txt line {line}: '{query}' on {corpus}";
        var texts = result.Hits.Select(h => index.Text(h.DocumentId, h.SectionId)).ToList();
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var expectation in expectations.Split(" ; ").Select(e => e.Trim()))
        {
            var (verb, argument) = expectation.IndexOf(' ') is var space and > 0 ? (expectation[..space], expectation[(space + 1)..]) : (expectation, "");
            switch (verb)
            {
                case "each":
                    Assert.True(result.Relaxed is null, $"{where}: relaxed ({result.Relaxed})");
                    Assert.All(texts, t => Assert.True(Pattern(argument).IsMatch(t), $"{where}: a hit lacks {argument}: {Shorten(t)}"));
                    break;
                case "some":
                    Assert.True(texts.Exists(Pattern(argument).IsMatch), $"{where}: no hit matches {argument} among {result.Hits.Count}");
                    break;
                case "none":
                    Assert.True(!texts.Exists(Pattern(argument).IsMatch), $"{where}: a hit matches {argument}");
                    break;
                case "exact":
                    Assert.True(result.Relaxed is null && result.Hits.Count > 0, $"{where}: {result.Hits.Count} hits, relaxed {result.Relaxed}");
                    break;
                case "empty":
                    Assert.True(result.Hits.Count == 0 && result.Total == 0, $"{where}: {result.Total} hits");
                    break;
                case "absent":
                    Assert.Contains($"'{argument}' does not occur in any document.", result.Warnings);
                    break;
                case "relaxed":
                    AssertRelaxed(index, result, argument, words, where);
                    break;
                default:
                    Assert.Fail($"{where}: unknown expectation '{expectation}'");
                    break;
            }
        }
    }

    private static void AssertRelaxed(Corpus index, SearchResult result, string mode, string[] words, string where)
    {
        Assert.True(result.Relaxed?.Mode == mode, $"{where}: relaxed {result.Relaxed?.Mode ?? "not"}, expected {mode}");
        Assert.NotEmpty(result.Hits);
        // No section holds every word (else the engine must not relax).
        Assert.DoesNotContain(index.Sections, s => words.All(w => s.Text.Contains(w, StringComparison.Ordinal)));
        if (mode == RelaxedMatch.DocumentMode)
        {
            Assert.Empty(result.Relaxed!.NotRequired);
            foreach (var hit in result.Hits)
            {
                var document = index.Sections.Where(s => s.DocumentId == hit.DocumentId).Select(s => s.Text).ToList();
                Assert.All(words, w => Assert.True(document.Exists(t => t.Contains(w, StringComparison.Ordinal)), $"{where}: document {hit.DocumentId} lacks {w}"));
            }
            Assert.Equal(result.Hits.Count, result.Hits.Select(h => h.DocumentId).Distinct().Count());
            return;
        }
        var notRequired = result.Relaxed!.NotRequired;
        Assert.NotEmpty(notRequired);
        Assert.All(notRequired, w => Assert.Contains(w, words));
        var required = words.Except(notRequired).ToList();
        Assert.NotEmpty(required);
        // The relaxed answer is the answer to the words still required (synonyms and all).
        var plain = index.Searcher.Search(new SearchRequest { Query = string.Join(" ", required), GroupByDocument = false, Size = 100, Highlight = false });
        Assert.Null(plain.Relaxed);
        Assert.Equal(plain.Total, result.Total);
        Assert.Equal(plain.Hits.Select(h => (h.DocumentId, h.SectionId)), result.Hits.Select(h => (h.DocumentId, h.SectionId)));
    }

    [Fact]
    public void Should_rank_a_run_of_whole_words_above_the_same_run_inside_a_longer_word()
    {
        var hits = _indexes.Generated.Searcher.Search(new SearchRequest { Query = "电力装备", GroupByDocument = false }).Hits.ToList();
        var whole = hits.FindIndex(h => _indexes.Generated.Text(h.DocumentId, h.SectionId).Contains("发展电力装备", StringComparison.Ordinal));
        var inside = hits.FindIndex(h => _indexes.Generated.Text(h.DocumentId, h.SectionId).Contains("新能源电力装备", StringComparison.Ordinal));
        Assert.True(whole >= 0 && inside >= 0, $"both sections should match (whole at {whole}, inside at {inside})");
        Assert.True(whole < inside, $"the whole words rank {whole}, the run inside 新能源电力装备 ranks {inside}");
        Assert.True(hits[whole].Score > hits[inside].Score);
    }

    [Fact]
    public void Should_apply_filters_to_a_relaxed_answer()
    {
        var searcher = _indexes.Generated.Searcher;
        var all = searcher.Search(new SearchRequest { Query = "湘江 实验室 院士 资金" });
        var filtered = searcher.Search(new SearchRequest { Query = "湘江 实验室 院士 资金", Filters = new SearchFilters { YearFrom = 2023, YearTo = 2025 } });
        Assert.Equal(RelaxedMatch.DocumentMode, all.Relaxed?.Mode);
        Assert.Contains(all.Hits, h => h.Year == 2020);
        Assert.All(filtered.Hits, h => Assert.InRange(h.Year!.Value, 2023, 2025));
        Assert.NotEqual(RelaxedMatch.DocumentMode, filtered.Relaxed?.Mode);
    }

    [Fact]
    public void Should_carry_the_notice_in_the_api_response()
    {
        var result = _indexes.Seeds.Searcher.Search(new SearchRequest { Query = "湘江 实验室 院士 资金" });
        var response = SearchResponse.From(result);
        Assert.Equal(result.Relaxed, response.Relaxed);
        Assert.Null(SearchResponse.From(_indexes.Seeds.Searcher.Search(new SearchRequest { Query = "氢能" })).Relaxed);
    }

    private static Regex Pattern(string argument) => new(argument.Trim('/'), RegexOptions.CultureInvariant);

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

    /// <summary>A built index and the plain text of each of its sections.</summary>
    public sealed class Corpus
    {
        public Corpus(string folder, IEnumerable<DocumentRecord> documents)
        {
            var records = documents.ToList();
            using var writer = IndexWriter.Open(folder);
            foreach (var d in records)
                writer.AddOrUpdate(d);
            writer.Commit();
            Searcher = new IndexSearcher(writer.Snapshot);
            Sections = [.. records.SelectMany(d => d.Sections.Select(s => new SectionText(d.Id, s.SectionIndex,
                Regex.Replace(d.Title + "\n" + s.HeadingText + "\n" + s.Body + "\n" + s.UnitsText, @"\s+", "")))).DistinctBy(s => (s.DocumentId, s.SectionIndex))];
        }

        public IndexSearcher Searcher { get; }

        public List<SectionText> Sections { get; }

        public string Text(string documentId, int sectionIndex) =>
            Sections.Single(s => s.DocumentId == documentId && s.SectionIndex == sectionIndex).Text;
    }

    public sealed record SectionText(string DocumentId, int SectionIndex, string Text);

    /// <summary>The seeds and the generated documents, each indexed once for the class.</summary>
    public sealed class Indexes : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "query-meaning-" + Guid.NewGuid().ToString("N"));

        public Indexes()
        {
            Seeds = new Corpus(Path.Combine(_folder, "seeds"), Support.Seeds.Report.Documents.Select(DocumentRecord.From));
            Generated = new Corpus(Path.Combine(_folder, "generated"), QueryMeaningTests.Generated());
        }

        public Corpus Seeds { get; }

        public Corpus Generated { get; }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Small documents, one idea per section, with neutral titles so titles match nothing.</summary>
    internal static List<DocumentRecord> Generated()
    {
        int n = 0;
        DocumentRecord Document(int year, params string[] bodies)
        {
            string id = "gen" + (++n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new DocumentRecord(id, $"第{n}号文件", null, ["测试机关"], null, null, year, null, "通知", [], $"test/{id}.txt", [],
                [.. bodies.Select((b, i) => new SectionRecord(i, HeadingLevel.Part, [$"第{i + 1}部分"], b, [], []))]);
        }
        return
        [
            Document(2024, "推动职业教育改革，提升办学质量。"),
            Document(2024, "加强职业技能培训，完善就业服务体系，健全社会保障，推进城乡协调，加快基础设施建设，优化营商环境，提高教育质量。"),
            Document(2024, "推进数据要素市场化配置改革。"),
            Document(2024, "发展电力装备，壮大产业规模。"),
            Document(2024, "发展新能源电力装备，壮大产业规模。"),
            Document(2024, "推动工程机械出口，扩大海外市场。", "打造自主品牌，加快数字化转型。"),
            Document(2024, "工程机械企业拓展出口渠道，培育自主品牌。"),
            Document(2020, "湘江实验室引进院士团队。", "设立专项资金予以支持。"),
            Document(2024, "湘江实验室开展院士工作站建设。"),
            Document(2024, "发展绿色金融，支持低碳转型。"),
            Document(2024, "支持绿色的金融产品创新。"),
            Document(2024, "坚持绿色发展，金融机构加大支持。"),
        ];
    }
}
