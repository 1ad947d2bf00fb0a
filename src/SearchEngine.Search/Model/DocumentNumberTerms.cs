using System.Globalization;
using System.Text.RegularExpressions;
using SearchEngine.Core.Analysis;
using SearchEngine.Core.Metadata;
using SearchEngine.Core.Text;

namespace SearchEngine.Search.Model;

/// <summary>
/// The terms a document's own 发文字号 (<see cref="DocumentRecord.DocumentNumber"/>, printed on the page or in its
/// information table) is indexed by, in the title field of each of its sections: the whole number, its prefix
/// (湘政办发, the series) and its prefix with the year (湘政办发(2021)). Each starts with a control character the
/// analyzer never emits, so they never match, count or suggest as ordinary words; a query reaches them only through
/// <see cref="Own"/> and <see cref="Series"/>.
/// </summary>
internal static partial class DocumentNumberTerms
{
    private const char Marker = '\u0001';

    /// <summary>Whether an index term is one of these rather than a word of the text.</summary>
    public static bool IsNumberTerm(string term) => term.Length > 0 && term[0] == Marker;

    /// <summary>The terms of a document's own number; none when it has none.</summary>
    public static List<string> Of(string? documentNumber, ChineseAnalyzer analyzer)
    {
        var terms = new List<string>(3);
        if (string.IsNullOrWhiteSpace(documentNumber))
            return terms;
        if (Own(documentNumber, analyzer) is { } own)
            terms.Add(own);
        var number = DocumentNumberParser.Parse(documentNumber) ?? DocumentNumberParser.ParseOrder(documentNumber);
        if (number is null)
            return terms;
        string prefix = ChineseAnalyzer.Normalize(number.Prefix);
        terms.Add(Marker + prefix);
        if (number.Year is { } year)
            terms.Add(Marker + string.Create(CultureInfo.InvariantCulture, $"{prefix}({year})"));
        return terms;
    }

    /// <summary>
    /// The own-number term of a text that is one whole number in any spelling (湘政办发〔2021〕第47号, 国务院令第706号),
    /// in the analyzer's normalised form; null otherwise.
    /// </summary>
    public static string? Own(string text, ChineseAnalyzer analyzer)
    {
        var tokens = analyzer.Analyze(text, AnalysisMode.Query);
        if (tokens is [{ Kind: TokenKind.DocumentNumber } token])
            return Marker + token.Text;
        return DocumentNumberParser.ParseOrder(text) is { } order ? Marker + ChineseAnalyzer.Normalize(order.ToString()) : null;
    }

    /// <summary>
    /// The series term of a query word that can be a number's prefix, alone (湘政办发) or with its year
    /// (湘政办发〔2021〕, 湘政办发(2021), 湘政办发2021); null for anything else. Whether the series exists is for the index to say.
    /// </summary>
    public static string? Series(string word)
    {
        string folded = SearchFolding.Fold(ChineseAnalyzer.Normalize(word)).Replace(" ", "", StringComparison.Ordinal);
        var m = SeriesQuery().Match(folded);
        if (!m.Success)
            return null;
        return m.Groups["year"].Success ? $"{Marker}{m.Groups["prefix"].Value}({m.Groups["year"].Value})" : Marker + m.Groups["prefix"].Value;
    }

    // A prefix is Han only (湘政办发, 国办发, 工信部联规, 国务院令); a year may follow in brackets (folded to ASCII) or bare.
    [GeneratedRegex(@"^(?<prefix>[\u4e00-\u9fff]{2,24})(?:\(?(?<year>(?:19|20)[0-9]{2})\)?)?$")]
    private static partial Regex SeriesQuery();
}
