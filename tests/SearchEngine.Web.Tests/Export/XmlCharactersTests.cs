using System.Xml;
using SearchEngine.Web.Export;

namespace SearchEngine.Web.Tests.Export;

/// <summary>Text an XML document cannot hold loses exactly the characters XML 1.0 forbids.</summary>
public sealed class XmlCharactersTests
{
    [Theory]
    [InlineData("氢能\u0001产业\u0000发展", "氢能产业发展")]
    [InlineData("tab\tline\ncr\r", "tab\tline\ncr\r")]
    [InlineData("\uFFFE\uFFFF end", " end")]
    public void Given_text_with_characters_xml_forbids_then_only_they_are_dropped(string text, string clean) =>
        Assert.Equal(clean, XmlCharacters.Clean(text));

    [Fact]
    public void Given_lone_surrogates_then_they_are_dropped_and_pairs_kept()
    {
        // not as InlineData: a test case's display name would replace a lone surrogate before the test sees it
        Assert.Equal("lone  high, lone  low", XmlCharacters.Clean("lone \uD83D high, lone \uDE00 low"));
        Assert.Equal("pair \uD83D\uDE00 kept", XmlCharacters.Clean("pair \uD83D\uDE00 kept"));
    }

    [Fact]
    public void Given_clean_text_then_the_same_instance_comes_back()
    {
        string text = "湖南省“十四五”战略性新兴产业发展规划";
        Assert.Same(text, XmlCharacters.Clean(text));
    }

    [Fact]
    public void Given_random_text_then_an_xml_writer_accepts_what_is_left()
    {
        var random = new Random(20261203);
        for (int n = 0; n < 500; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
                chars[i] = (char)random.Next(0, 0x10000);
            using var writer = XmlWriter.Create(new StringWriter());
            writer.WriteElementString("t", XmlCharacters.Clean(new string(chars))); // throws on a character XML cannot hold
        }
    }
}
