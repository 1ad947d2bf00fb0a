using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 令 — an order's header at the top of a document: "江西省人民政府令" over "第223号", or both on one line
/// (中华人民共和国国务院令第706号). It gives the document's number and, when it opens the document, its issuer.
/// </summary>
/// <param name="Number">The order's number: 国务院令第706号.</param>
/// <param name="Line">The line it starts on.</param>
/// <param name="NextLine">The first line after it.</param>
/// <param name="Offset">Where it starts in the text.</param>
/// <param name="Printed">The header as printed, lines joined by a space.</param>
internal sealed record OrderHeader(DocumentNumber Number, int Line, int NextLine, int Offset, string Printed)
{
    /// <summary>The order header within the first lines from <paramref name="first"/>; it may stand under a page's title line.</summary>
    public static OrderHeader? Find(IReadOnlyList<TextLine> lines, int first)
    {
        for (int i = first; i < Math.Min(lines.Count, first + 3); i++)
        {
            string line = lines[i].Text.Trim();
            if (DocumentNumberParser.ParseOrder(line) is { } whole)
                return new OrderHeader(whole, i, i + 1, lines[i].Offset, line);
            if (line.EndsWith('令') && line.Length <= 24 && i + 1 < lines.Count
                && DocumentNumberParser.ParseOrder(line + lines[i + 1].Text.Trim()) is { } split)
                return new OrderHeader(split, i, i + 2, lines[i].Offset, line + " " + lines[i + 1].Text.Trim());
        }
        return null;
    }

    /// <summary>The organ that issues an order: 国务院令 → 国务院, 交通运输部令2020年 → 交通运输部.</summary>
    public static string? IssuerOf(string prefix)
    {
        int at = prefix.LastIndexOf('令');
        return at > 1 ? prefix[..at] : null;
    }
}
