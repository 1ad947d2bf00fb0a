using SearchEngine.Core.Analysis;
using SearchEngine.Index.Search;
using SearchEngine.Search.Highlighting;

namespace SearchEngine.Tests.Search;

/// <summary>
/// The highlight table (highlight-cases.txt): for a query and a text, exactly what is marked, through the same
/// path the document view takes (<see cref="IndexSearcher.HighlightTermsFor"/> then <see cref="Highlighter.Full"/>).
/// </summary>
public class HighlightTableTests
{
    private static readonly string TablePath = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Search", "highlight-cases.txt");

    private const string Literal = " (literal)";

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var (line, parts) in Support.CaseTable.Read(TablePath, " :: ", " => "))
            data.Add(line, parts[0], parts[1], parts[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_mark_what_the_search_matched_as_the_table_says(int line, string query, string text, string expected)
    {
        bool expand = !query.EndsWith(Literal, StringComparison.Ordinal);
        var terms = new IndexSearcher(IndexSnapshot.Empty).HighlightTermsFor(expand ? query : query[..^Literal.Length], expand);
        string got = new Highlighter(ChineseAnalyzer.Default).Full(text, terms);
        Assert.True(expected == got, $"{TablePath}:{line}: {query} :: {text} => {got} (expected {expected})");
    }
}
