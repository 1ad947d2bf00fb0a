using SearchEngine.Search.Highlighting;
using SearchEngine.Web.Export;

namespace SearchEngine.Web.Tests.Export;

/// <summary>A highlighted snippet read back into text, marked words and HTML where only &lt;mark&gt; survives.</summary>
public sealed class SnippetTextTests
{
    [Fact]
    public void Given_a_snippet_with_marks_and_entities_then_its_plain_text_is_the_section_text_without_marks()
    {
        string snippet = "…推进<mark>氢能</mark>,&quot;引号&quot; &amp; &lt;script&gt;与<mark>燃料电池</mark>…";
        Assert.Equal("…推进氢能,\"引号\" & <script>与燃料电池…", SnippetText.Plain(snippet));
    }

    [Fact]
    public void Given_a_snippet_with_a_word_marked_twice_then_the_marked_terms_list_it_once_in_order_of_first_appearance()
    {
        string snippet = "<mark>燃料电池</mark>与<mark>氢能</mark>，<mark>燃料电池</mark>汽车";
        Assert.Equal(["燃料电池", "氢能"], SnippetText.MarkedTerms(snippet));
    }

    [Fact]
    public void Given_any_text_highlighted_by_the_engine_then_the_rebuilt_html_equals_the_highlighters_own()
    {
        // the highlighter's escaping and ours agree, so a snippet passes through unchanged
        string text = "推进\"氢能\" & <b>燃料</b>电池 'x' ©";
        string snippet = Highlighter.Escape(text[..3]) + "<mark>" + Highlighter.Escape(text[3..7]) + "</mark>" + Highlighter.Escape(text[7..]);
        Assert.Equal(snippet, SnippetText.Html(snippet));
        Assert.Equal(text, SnippetText.Plain(snippet));
    }

    [Theory]
    [InlineData("a<script>alert(1)</script>b", "a&lt;script&gt;alert(1)&lt;/script&gt;b")]
    [InlineData("<mark>x</mark><img src=x onerror=alert(1)>", "<mark>x</mark>&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<mark>unclosed", "&lt;mark&gt;unclosed")]
    public void Given_markup_other_than_mark_in_a_snippet_then_the_html_shows_it_as_text(string snippet, string html) =>
        Assert.Equal(html, SnippetText.Html(snippet));
}
