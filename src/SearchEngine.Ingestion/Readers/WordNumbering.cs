using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Renders Word's automatic numbering, which lives in numbering.xml and not in the text: a heading numbered
/// "一、" by a list style has only its title in its runs. Without this, such a document loses its outline.
/// Counters are kept per abstract list; a level's counter restarts when a higher level advances. Bullets
/// render as nothing.
/// </summary>
internal sealed class WordNumbering
{
    private sealed record Level(string Format, string Text, int Start);

    private readonly Dictionary<int, int> _abstractOfNum = [];
    private readonly Dictionary<int, Dictionary<int, Level>> _levels = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public WordNumbering(MainDocumentPart part)
    {
        var numbering = part.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                int id = abstractNum.AbstractNumberId?.Value ?? -1;
                _levels[id] = abstractNum.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>().ToDictionary(
                    l => l.LevelIndex?.Value ?? 0,
                    l => new Level(l.NumberingFormat?.Val?.InnerText ?? "decimal", l.LevelText?.Val?.Value ?? "", l.StartNumberingValue?.Val?.Value ?? 1));
            }
            foreach (var instance in numbering.Elements<NumberingInstance>())
                _abstractOfNum[instance.NumberID?.Value ?? -1] = instance.AbstractNumId?.Val?.Value ?? -1;
        }
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            if (style.StyleId?.Value is { } styleId && numPr?.NumberingId?.Val?.Value is { } numId)
                _styleNumbering[styleId] = (numId, numPr.NumberingLevelReference?.Val?.Value ?? 0);
        }
    }

    /// <summary>The number Word would print before this paragraph ("一、", "（二）", "3."), or "" if none.</summary>
    public string Render(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = numPr?.NumberingId?.Val?.Value;
        int level = numPr?.NumberingLevelReference?.Val?.Value ?? 0;
        string? style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (numId is null && style is not null && _styleNumbering.TryGetValue(style, out var fromStyle))
            (numId, level) = (fromStyle.NumId, numPr?.NumberingLevelReference?.Val?.Value ?? fromStyle.Level);
        if (numId is not { } id || id == 0 || !_abstractOfNum.TryGetValue(id, out int abstractId)
            || !_levels.TryGetValue(abstractId, out var levels) || !levels.TryGetValue(level, out var format))
            return "";

        var counters = Counters(abstractId, levels);
        counters[level]++;
        for (int deeper = level + 1; deeper < counters.Length; deeper++)
            counters[deeper] = levels.TryGetValue(deeper, out var d) ? d.Start - 1 : 0;
        if (format.Format == "bullet" || format.Format == "none")
            return "";

        string text = format.Text;
        for (int l = 0; l <= level; l++)
        {
            string fmt = levels.TryGetValue(l, out var lf) ? lf.Format : "decimal";
            text = text.Replace($"%{l + 1}", FormatNumber(counters[l], fmt), StringComparison.Ordinal);
        }
        return text;
    }

    private int[] Counters(int abstractId, Dictionary<int, Level> levels)
    {
        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            counters = new int[9];
            for (int l = 0; l < counters.Length; l++)
                counters[l] = levels.TryGetValue(l, out var lv) ? lv.Start - 1 : 0;
            _counters[abstractId] = counters;
        }
        return counters;
    }

    internal static string FormatNumber(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "ideographTraditional" or "japaneseCounting"
            or "taiwaneseCounting" or "taiwaneseCountingThousand" when n is >= 1 and <= 99 => Core.Text.ChineseNumeral.Format(n),
        "upperLetter" => ((char)('A' + ((n - 1) % 26))).ToString(),
        "lowerLetter" => ((char)('a' + ((n - 1) % 26))).ToString(),
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c + 0xfee0))),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static string Roman(int n)
    {
        (int Value, string Symbol)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var sb = new System.Text.StringBuilder();
        foreach (var (value, symbol) in table)
        {
            while (n >= value)
            {
                sb.Append(symbol);
                n -= value;
            }
        }
        return sb.ToString();
    }
}
