using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Renders Word's automatic numbering, which lives in numbering.xml and not in the text: a heading numbered
/// "一、" by a list style has only its title in its runs. Without this, such a document loses its outline.
/// Counters are kept per abstract list; a level's counter restarts when a higher level advances. Bullets
/// render as nothing.
/// </summary>
/// <remarks>
/// numbering.xml is untrusted input, and a label is printed once per paragraph, so its cost is bounded: levels
/// 0–8 only (Word's range), start values within <see cref="MaxValue"/>, labels of at most
/// <see cref="MaxLabelChars"/> characters. A definition outside these bounds, a duplicate level, a missing list or
/// an unparsable attribute gives no number rather than an exception: the paragraph's text is still read.
/// </remarks>
internal sealed class WordNumbering
{
    /// <summary>Levels a list has in Word: w:ilvl 0 to 8.</summary>
    public const int LevelCount = 9;

    /// <summary>Largest start value honoured (Word's own limit); a larger w:start is read as this.</summary>
    public const int MaxValue = 32767;

    /// <summary>
    /// Longest label rendered. Real labels ("第十二章", "（三）", "1.2.3.4.") are a few characters; a longer level
    /// text or rendering gives no number, so a label costs at most this much per paragraph.
    /// </summary>
    public const int MaxLabelChars = 32;

    private sealed record Level(string Format, string Text, int Start);

    private readonly Dictionary<int, int> _abstractOfNum = [];
    private readonly Dictionary<int, Level?[]> _levels = [];
    private readonly Dictionary<string, (int NumId, int Level)> _styleNumbering = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public WordNumbering(MainDocumentPart part)
    {
        var numbering = part.NumberingDefinitionsPart?.Numbering;
        if (numbering is not null)
        {
            foreach (var abstractNum in numbering.Elements<AbstractNum>())
            {
                if (Int(abstractNum.AbstractNumberId) is not { } id || _levels.ContainsKey(id))
                    continue; // a list without an id cannot be referred to; of duplicates, the first wins
                var levels = new Level?[LevelCount];
                foreach (var level in abstractNum.Elements<DocumentFormat.OpenXml.Wordprocessing.Level>())
                {
                    // A level outside 0–8, or a second definition of one, is ignored: Word would not show it either.
                    if (Int(level.LevelIndex) is not { } index || index is < 0 or >= LevelCount || levels[index] is not null)
                        continue;
                    int start = Math.Clamp(Int(level.StartNumberingValue?.Val) ?? 1, 0, MaxValue);
                    levels[index] = new Level(level.NumberingFormat?.Val?.InnerText ?? "decimal", level.LevelText?.Val?.Value ?? "", start);
                }
                _levels[id] = levels;
            }
            foreach (var instance in numbering.Elements<NumberingInstance>())
            {
                if (Int(instance.NumberID) is { } numId && Int(instance.AbstractNumId?.Val) is { } abstractId)
                    _abstractOfNum.TryAdd(numId, abstractId);
            }
        }
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var numPr = style.StyleParagraphProperties?.NumberingProperties;
            if (style.StyleId?.Value is { } styleId && Int(numPr?.NumberingId?.Val) is { } numId)
                _styleNumbering.TryAdd(styleId, (numId, Int(numPr!.NumberingLevelReference?.Val) ?? 0));
        }
    }

    /// <summary>The number Word would print before this paragraph ("一、", "（二）", "3."), or "" if none.</summary>
    public string Render(Paragraph paragraph)
    {
        var numPr = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = Int(numPr?.NumberingId?.Val);
        int level = Int(numPr?.NumberingLevelReference?.Val) ?? 0;
        string? style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        if (numId is null && style is not null && _styleNumbering.TryGetValue(style, out var fromStyle))
            (numId, level) = (fromStyle.NumId, Int(numPr?.NumberingLevelReference?.Val) ?? fromStyle.Level);
        if (numId is not { } id || id == 0 || level is < 0 or >= LevelCount || !_abstractOfNum.TryGetValue(id, out int abstractId)
            || !_levels.TryGetValue(abstractId, out var levels) || levels[level] is not { } format)
            return "";

        var counters = Counters(abstractId, levels);
        // Saturates rather than overflows: a list of more paragraphs than int holds is not a real list anyway.
        if (counters[level] < int.MaxValue)
            counters[level]++;
        for (int deeper = level + 1; deeper < counters.Length; deeper++)
            counters[deeper] = (levels[deeper]?.Start ?? 1) - 1;
        if (format.Format == "bullet" || format.Format == "none" || format.Text.Length > MaxLabelChars)
            return "";

        // One pass over the level text: each %N (N = 1–9, at most this level) is replaced once, so the label's
        // length is the level text's plus nine numbers at most, never a repetition of a repetition.
        var label = new System.Text.StringBuilder();
        string text = format.Text;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 1 < text.Length && text[i + 1] is >= '1' and <= '9' && text[i + 1] - '1' <= level)
            {
                int l = text[i + 1] - '1';
                label.Append(FormatNumber(counters[l], levels[l]?.Format ?? "decimal"));
                i++;
            }
            else
            {
                label.Append(text[i]);
            }
            if (label.Length > MaxLabelChars)
                return "";
        }
        return label.ToString();
    }

    /// <summary>An integer attribute, or null when it is missing or not a number (the SDK would throw on .Value).</summary>
    private static int? Int(OpenXmlSimpleType? value) =>
        value is not null && int.TryParse(value.InnerText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n : null;

    private int[] Counters(int abstractId, Level?[] levels)
    {
        if (!_counters.TryGetValue(abstractId, out var counters))
        {
            counters = new int[LevelCount];
            for (int l = 0; l < counters.Length; l++)
                counters[l] = (levels[l]?.Start ?? 1) - 1;
            _counters[abstractId] = counters;
        }
        return counters;
    }

    /// <summary>
    /// One counter value in a Word number format. Formats whose rendering grows with the value (Roman numerals)
    /// or that are only defined on a range fall back to decimal outside it, so any value renders in a few characters.
    /// </summary>
    internal static string FormatNumber(int n, string format) => format switch
    {
        "chineseCounting" or "chineseCountingThousand" or "ideographTraditional" or "japaneseCounting"
            or "taiwaneseCounting" or "taiwaneseCountingThousand" when n is >= 1 and <= 99 => Core.Text.ChineseNumeral.Format(n),
        "upperLetter" when n >= 1 => ((char)('A' + ((n - 1) % 26))).ToString(),
        "lowerLetter" when n >= 1 => ((char)('a' + ((n - 1) % 26))).ToString(),
        "upperRoman" when n is >= 1 and <= 3999 => Roman(n),
        "lowerRoman" when n is >= 1 and <= 3999 => Roman(n).ToLowerInvariant(),
        "decimalFullWidth" or "decimalFullWidth2" => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => c is >= '0' and <= '9' ? (char)(c + 0xfee0) : c)),
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
