using SearchEngine.Core.Analysis;

namespace SearchEngine.Tests.Core.Analysis;

public class SynonymAndLexiconTests
{
    [Theory]
    [InlineData("信创", "信息技术应用创新", 1.0)]
    [InlineData("信息技术应用创新", "信创", 1.0)]
    [InlineData("新能源车", "新能源汽车", 1.0)]
    [InlineData("AI", "人工智能", 1.0)]
    [InlineData("ＡＩ", "人工智能", 1.0)]
    [InlineData("集成电路", "芯片", SynonymMap.RelatedWeight)]
    public void Should_expand_query_terms_from_the_synonym_file(string term, string alternative, double weight)
    {
        var synonym = SynonymMap.Default.Lookup(term).FirstOrDefault(s => s.Term == alternative);
        Assert.NotNull(synonym);
        Assert.Equal(weight, synonym.Weight);
    }

    [Fact]
    public void Should_not_expand_a_term_without_synonyms() => Assert.Empty(SynonymMap.Default.Lookup("发展"));

    [Theory]
    [InlineData("a = b = c", "b", "a|c")]
    [InlineData("x ~ y z", "x", "y|z")]
    public void Should_parse_both_synonym_forms(string line, string term, string expected) =>
        Assert.Equal(expected, string.Join("|", SynonymMap.Parse([line]).Lookup(term).Select(s => s.Term).Order(StringComparer.Ordinal)));

    [Fact]
    public void Should_reject_a_synonym_line_of_neither_form() =>
        Assert.Throws<InvalidDataException>(() => SynonymMap.Parse(["信创 信息技术应用创新"]));

    [Fact]
    public void Should_keep_a_user_lexicon_term_whole_without_rebuilding()
    {
        const string text = "推进湘江鸿蒙生态园建设";
        Assert.DoesNotContain("湘江鸿蒙生态园", ChineseAnalyzer.Default.Terms(text));
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# my terms\n湘江鸿蒙生态园\n");
            var analyzer = ChineseAnalyzer.WithUserLexicons([path]);
            Assert.Equal(["推进", "湘江鸿蒙生态园", "建设"], analyzer.Terms(text));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class QueryExpansionTests
{
    [Fact]
    public void Should_offer_the_long_form_of_an_abbreviation_as_a_phrase()
    {
        var groups = QueryExpansion.Expand(ChineseAnalyzer.Default, SynonymMap.Default, "信创产业");
        Assert.Equal(["信创", "产业"], groups.Select(g => g.Token.Text));
        var alternatives = groups[0].Alternatives;
        Assert.Equal(["信创"], alternatives[0].Terms);
        Assert.Contains(alternatives, a => string.Concat(a.Terms) == "信息技术应用创新" && a.Weight == 1.0);
        Assert.Single(groups[1].Alternatives);
    }

    [Fact]
    public void Should_weight_a_related_term_below_the_query_term()
    {
        var groups = QueryExpansion.Expand(ChineseAnalyzer.Default, SynonymMap.Default, "集成电路");
        var chip = Assert.Single(groups).Alternatives.Single(a => a.Terms.SequenceEqual(["芯片"]));
        Assert.Equal(SynonymMap.RelatedWeight, chip.Weight);
    }
}
