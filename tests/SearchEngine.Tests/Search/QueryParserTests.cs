using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Tests.Search;

public class QueryParserTests
{
    [Fact]
    public void Should_and_words_by_default()
    {
        var q = QueryParser.Parse("氢能 燃料电池");
        Assert.Equal(new AndNode([new WordNode("氢能", null), new WordNode("燃料电池", null)]), q.Root, new NodeComparer());
        Assert.Empty(q.Warnings);
    }

    [Theory]
    [InlineData("氢能 OR 储能")]
    [InlineData("氢能 | 储能")]
    [InlineData("氢能｜储能")]
    public void Should_read_or_in_every_spelling(string text) => Assert.IsType<OrNode>(QueryParser.Parse(text).Root);

    [Fact]
    public void Should_read_phrases_fields_exclusions_and_groups()
    {
        var q = QueryParser.Parse("title:\"战略性新兴产业\" -(芯片 OR 集成电路) body:北斗");
        var and = Assert.IsType<AndNode>(q.Root);
        Assert.Equal(new PhraseNode("战略性新兴产业", IndexField.Title), and.Children[0]);
        Assert.IsType<OrNode>(Assert.IsType<NotNode>(and.Children[1]).Child);
        Assert.Equal(new WordNode("北斗", IndexField.Body), and.Children[2]);
    }

    [Fact]
    public void Should_take_filters_out_of_the_query_text()
    {
        var q = QueryParser.Parse("人工智能 year:2021..2024 issuer:湖南省人民政府 industry:氢能 region:长沙市 type:规划");
        Assert.Equal(new WordNode("人工智能", null), q.Root);
        Assert.Equal((2021, 2024), (q.Filters.YearFrom, q.Filters.YearTo));
        Assert.Equal(["湖南省人民政府"], q.Filters.Issuers);
        Assert.Equal(["氢能"], q.Filters.Industries);
        Assert.Equal(["长沙市"], q.Filters.Regions);
        Assert.Equal(["规划"], q.Filters.Types);
    }

    [Theory]
    [InlineData("\"氢能 产业", "quote")]
    [InlineData("(氢能 OR 储能", "'('")]
    [InlineData("氢能)", "')'")]
    [InlineData("foo:氢能", "Unknown field")]
    [InlineData("year:abc 氢能", "not a year")]
    [InlineData("氢能 OR", "OR needs")]
    [InlineData("-氢能", "exclusions only")]
    [InlineData("title:", "needs a term")]
    public void Should_repair_broken_queries_and_say_what_it_did(string text, string warning)
    {
        var q = QueryParser.Parse(text);
        Assert.Contains(q.Warnings, w => w.Contains(warning, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_survive_deep_nesting_and_thousands_of_terms()
    {
        var deep = QueryParser.Parse(new string('(', 5000) + "氢能" + new string(')', 5000));
        Assert.Contains(deep.Warnings, w => w.Contains("nested", StringComparison.Ordinal));
        var many = QueryParser.Parse(string.Join(' ', Enumerable.Repeat("氢能", 5000)));
        Assert.Equal(5000, Assert.IsType<AndNode>(many.Root).Children.Count);
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(100_000)]
    public void Should_flatten_tens_of_thousands_of_brackets_without_overflowing_the_stack(int count)
    {
        // Given brackets far deeper than MaxDepth: unclosed, balanced around a word, and stray closes
        var unclosed = QueryParser.Parse(new string('(', count));
        var balanced = QueryParser.Parse(new string('(', count) + "氢能" + new string(')', count));
        var closes = QueryParser.Parse(new string(')', count) + " 氢能");

        // Then each is repaired with a warning instead of a crash
        Assert.Null(unclosed.Root);
        Assert.Contains(unclosed.Warnings, w => w.Contains("nested deeper", StringComparison.Ordinal));
        Assert.Contains(unclosed.Warnings, w => w.Contains("not closed", StringComparison.Ordinal));
        Assert.Equal(new WordNode("氢能", null), balanced.Root);
        Assert.Contains(balanced.Warnings, w => w.Contains("nested deeper", StringComparison.Ordinal));
        Assert.DoesNotContain(balanced.Warnings, w => w.Contains("not closed", StringComparison.Ordinal));
        Assert.Equal(new WordNode("氢能", null), closes.Root);
        Assert.Contains(closes.Warnings, w => w.Contains("unmatched ')'", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_grouping_up_to_the_maximum_depth()
    {
        string open = new('(', QueryParser.MaxDepth), close = new(')', QueryParser.MaxDepth);
        var q = QueryParser.Parse(open + "氢能 OR 储能" + close + " 燃料电池");
        var and = Assert.IsType<AndNode>(q.Root);
        Assert.IsType<OrNode>(and.Children[0]);
        Assert.Empty(q.Warnings);
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(100_000)]
    public void Should_answer_nested_quotes_field_chains_and_exclusions_by_the_hundred_thousand(int count)
    {
        var quotes = QueryParser.Parse(string.Concat(Enumerable.Repeat("\"“(", count)) + "氢能");
        Assert.NotNull(quotes.Warnings);
        var fields = QueryParser.Parse(string.Concat(Enumerable.Repeat("title:", count)) + "body:氢能");
        Assert.Equal(new WordNode("氢能", IndexField.Body), fields.Root);
        var filters = QueryParser.Parse(string.Concat(Enumerable.Repeat("title:", count)) + "year:2021 氢能");
        Assert.Equal((2021, 2021), (filters.Filters.YearFrom, filters.Filters.YearTo));
        var nots = QueryParser.Parse(string.Concat(Enumerable.Repeat("-(", count)) + "氢能");
        Assert.NotNull(nots.Warnings);
        // Brackets glued to words, open or closed, and numbers in every spelling: each '(' is scanned to the next only
        var glued = QueryParser.Parse(string.Concat(Enumerable.Repeat("盐(氟", count)) + ")化工");
        Assert.NotNull(glued.Root);
        var words = QueryParser.Parse(string.Concat(Enumerable.Repeat("盐(氟)化工 ", count)));
        Assert.Equal(count, Assert.IsType<AndNode>(words.Root).Children.Count);
        var numbers = QueryParser.Parse(string.Concat(Enumerable.Repeat("湘政办发 〔2021〕 第47 号 湘政办发2021 47号 ", count / 10)));
        Assert.Equal(count / 10 * 2, Assert.IsType<AndNode>(numbers.Root).Children.Count);
    }

    [Fact]
    public void Should_never_throw_on_random_input()
    {
        var random = new Random(5);
        string alphabet = "氢能 ()\"“”|-:title:year:OR NOT \u0000\uD800\uDC00\t\n5G〔〕-..2021";
        for (int i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var q = QueryParser.Parse(text);
            Assert.NotNull(q.Warnings);
        }
    }

    [Theory]
    [InlineData("2021", 2021, 2021)]
    [InlineData("2021..2024", 2021, 2024)]
    [InlineData("2024-2021", 2021, 2024)]
    [InlineData("2021..", 2021, 9999)]
    [InlineData("..2024", 0, 2024)]
    public void Should_read_years_and_ranges(string text, int from, int to)
    {
        Assert.True(QueryParser.TryParseYears(text, out int f, out int t));
        Assert.Equal((from, to), (f, t));
    }

    /// <summary>Records with list members compare lists by reference; this compares them by content.</summary>
    [Theory]
    [InlineData("湘政办发(2024)3号", "湘政办发(2024)3号")]
    [InlineData("湘政办发（2021）47号", "湘政办发（2021）47号")]
    [InlineData("湘政办发〔2021〕47 号", "湘政办发〔2021〕47 号")]
    [InlineData("湘政办发〔2021〕第47号", "湘政办发〔2021〕第47号")]
    [InlineData("湘政办发 〔2021〕 第 47 号", "湘政办发 〔2021〕 第 47 号")]
    [InlineData("湘政办发2021 47号", "湘政办发2021 47号")]
    [InlineData("湘政办发［２０２１］４７号", "湘政办发［２０２１］４７号")]
    [InlineData("湘政办发（2021）", "湘政办发（2021）")]
    [InlineData("盐(氟)化工", "盐(氟)化工")]
    [InlineData("盐（氟）化工", "盐（氟）化工")]
    public void Should_read_a_document_number_or_a_term_with_brackets_inside_as_one_word(string text, string word)
    {
        // Given a number as researchers type it, or a term with parentheses inside it
        var q = QueryParser.Parse(text);

        // Then it is one word, spaces inside a number kept as typed, and nothing was repaired
        Assert.Equal(new WordNode(word, null), q.Root);
        Assert.Empty(q.Warnings);
    }

    [Fact]
    public void Should_read_a_number_among_other_words_and_groups()
    {
        var q = QueryParser.Parse("(氢能 | 储能) 湘政办发(2024)3号 -盐(氟)化工");
        var and = Assert.IsType<AndNode>(q.Root);
        Assert.IsType<OrNode>(and.Children[0]);
        Assert.Equal(new WordNode("湘政办发(2024)3号", null), and.Children[1]);
        Assert.Equal(new NotNode(new WordNode("盐(氟)化工", null)), and.Children[2]);
        Assert.Empty(q.Warnings);
    }

    [Theory]
    [InlineData("(氢能 | 储能) 产业")]
    [InlineData("产业 (氢能 | 储能)")]
    [InlineData("产业(氢能 | 储能)")]
    [InlineData("产业(氢能)")]
    [InlineData("a (b c)")]
    [InlineData("a(b c)d")]
    public void Should_keep_brackets_that_group(string text)
    {
        var q = QueryParser.Parse(text);
        Assert.IsType<AndNode>(q.Root);
        Assert.DoesNotContain(Words(q.Root), w => w.Contains('(', StringComparison.Ordinal) || w.Contains('（', StringComparison.Ordinal));
    }

    private static IEnumerable<string> Words(QueryNode? node) => node switch
    {
        WordNode w => [w.Text],
        AndNode a => a.Children.SelectMany(Words),
        OrNode o => o.Children.SelectMany(Words),
        NotNode n => Words(n.Child),
        _ => [],
    };

    private sealed class NodeComparer : IEqualityComparer<QueryNode?>
    {
        public bool Equals(QueryNode? x, QueryNode? y) => (x, y) switch
        {
            (AndNode a, AndNode b) => a.Children.Count == b.Children.Count && a.Children.Zip(b.Children).All(p => Equals(p.First, p.Second)),
            (OrNode a, OrNode b) => a.Children.Count == b.Children.Count && a.Children.Zip(b.Children).All(p => Equals(p.First, p.Second)),
            _ => object.Equals(x, y),
        };

        public int GetHashCode(QueryNode? obj) => 0;
    }
}

public class QueryParserFilterTextTests
{
    [Theory]
    [InlineData("氢能 -issuer:湖南省人民政府", "issuer", "湖南省人民政府", true, "-issuer:湖南省人民政府")]
    [InlineData("氢能 NOT region:怀化市", "region", "怀化市", true, "NOT region:怀化市")]
    [InlineData("发文机关:\"中共湖南省委\" 北斗", "issuer", "中共湖南省委", false, "发文机关:\"中共湖南省委\"")]
    [InlineData("type:规划", "type", "规划", false, "type:规划")]
    [InlineData("title:industry:氢能 储能", "industry", "氢能", false, "title:industry:氢能")]
    public void Should_report_each_typed_filter_with_the_text_that_typed_it(string query, string facet, string value, bool excluded, string text)
    {
        var parsed = QueryParser.Parse(query);
        Assert.Equal(new QueryFilter(facet, value, excluded, text), Assert.Single(parsed.QueryFilters));
        Assert.Contains(text, query, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_exclude_a_typed_filter_after_a_minus_and_keep_the_words()
    {
        var parsed = QueryParser.Parse("氢能 -issuer:湖南省人民政府 -industry:储能");
        Assert.Equal(new WordNode("氢能", null), parsed.Root);
        Assert.Equal(["湖南省人民政府"], parsed.Filters.ExcludedIssuers);
        Assert.Equal(["储能"], parsed.Filters.ExcludedIndustries);
        Assert.Empty(parsed.Filters.Issuers);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void Should_refuse_to_exclude_a_year_with_a_warning()
    {
        var parsed = QueryParser.Parse("氢能 -year:2021");
        Assert.Null(parsed.Filters.YearFrom);
        Assert.Empty(parsed.QueryFilters);
        Assert.Contains(parsed.Warnings, w => w.Contains("year cannot be excluded", StringComparison.Ordinal));
    }
}
