using SearchEngine.Core.Analysis;

namespace SearchEngine.Tests.Core.Analysis;

/// <summary>
/// The spellings of 发文字号 table (document-number-cases.txt): every spelling is one DocumentNumber token, in the
/// one normalised form, with offsets that cover exactly the number in the original text. Adding a case is adding a line.
/// </summary>
public class DocumentNumberTokenTests
{
    private static readonly string TablePath = Path.Combine(Support.Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Analysis", "document-number-cases.txt");

    public static TheoryData<int, string, string, int, int> Cases()
    {
        var data = new TheoryData<int, string, string, int, int>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(TablePath))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var (input, rest) = (line[..line.IndexOf(" => ", StringComparison.Ordinal)], line[(line.IndexOf(" => ", StringComparison.Ordinal) + 4)..]);
            var (token, range) = (rest[..rest.IndexOf(" @ ", StringComparison.Ordinal)], rest[(rest.IndexOf(" @ ", StringComparison.Ordinal) + 3)..].Split('-'));
            data.Add(lineNumber, input, token, int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_make_one_document_number_token_of_every_spelling(int line, string input, string expected, int start, int end)
    {
        foreach (var mode in new[] { AnalysisMode.Query, AnalysisMode.Index })
        {
            // When the text is analysed
            var numbers = ChineseAnalyzer.Default.Analyze(input, mode).Where(t => t.Kind == TokenKind.DocumentNumber).ToList();

            // Then the number is one token, normalised, whose offsets are the number as printed
            Assert.True(numbers.Count == 1, $"{TablePath}:{line}: {mode} found {numbers.Count} numbers in {input}: {string.Join(" ", numbers)}");
            Assert.True(numbers[0].Text == expected, $"{TablePath}:{line}: {numbers[0].Text}, expected {expected}");
            Assert.True((numbers[0].Start, numbers[0].End) == (start, end),
                $"{TablePath}:{line}: offsets {numbers[0].Start}-{numbers[0].End} “{input[numbers[0].Start..numbers[0].End]}”, expected {start}-{end}");
        }
    }

    [Theory]
    [InlineData("湘政办发〔2021〕47 号", "湘政办发", "2021", "47号")]
    [InlineData("湘政办发2021 第47号", "湘政办发", "2021", "47号")]
    public void Should_index_a_number_also_by_its_prefix_year_and_serial(string input, params string[] parts)
    {
        var terms = ChineseAnalyzer.Default.Analyze(input, AnalysisMode.Index).Select(t => t.Text).ToList();
        Assert.All(parts, p => Assert.Contains(p, terms));
    }

    [Theory]
    [InlineData("到2025年 47号")]
    [InlineData("发展2021 47个")]
    [InlineData("湘政办发202147号")]
    public void Should_not_take_a_bare_year_for_a_number_without_an_issuing_word_and_a_separator(string input) =>
        Assert.DoesNotContain(ChineseAnalyzer.Default.Analyze(input, AnalysisMode.Query), t => t.Kind == TokenKind.DocumentNumber);
}
