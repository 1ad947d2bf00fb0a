namespace SearchEngine.Core.Metadata;

/// <summary>
/// The title lines at the top of the preamble, split into issuer part and title:
/// "湖南省人民政府办公厅关于印发《X》的通知" → issuers [湖南省人民政府办公厅], title "关于印发《X》的通知", forwarded X.
/// </summary>
/// <param name="Printed">The title block as printed (issuer part included), lines joined.</param>
/// <param name="Offset">Where it starts in the text.</param>
/// <param name="Issuers">Names printed before 关于, split at spaces (joint issuers).</param>
/// <param name="Title">The title without the issuer part.</param>
/// <param name="ForwardedTitle">For 关于印发…的通知: the title of the document it forwards, without 《》.</param>
internal sealed record TitleBlock(string Printed, int Offset, IReadOnlyList<string> Issuers, string Title, string? ForwardedTitle)
{
    private const int MaxTitleLength = 90;

    public static TitleBlock? Find(string preamble, int documentNumberOffset)
    {
        var lines = preamble.Split('\n');
        string joined = "";
        for (int i = 0; i < Math.Min(lines.Length, 4); i++)
        {
            string line = lines[i].Trim();
            // Merged text (002) runs the title into the number: the title ends where the number begins.
            if (documentNumberOffset >= 0 && joined.Length + line.Length > documentNumberOffset && documentNumberOffset > joined.Length)
                line = line[..(documentNumberOffset - joined.Length - (i > 0 ? 1 : 0))].Trim();
            joined = joined.Length == 0 ? line : joined + line;
            if (joined.Length > MaxTitleLength || joined.Contains('。', StringComparison.Ordinal))
                return null;
            if (DocumentTypeClassifier.EndsLikeTitle(joined))
                return Split(joined, preamble.IndexOf(lines[0].Trim(), StringComparison.Ordinal), lines.Take(i + 1));
        }
        return null;
    }

    private static TitleBlock Split(string printed, int offset, IEnumerable<string> lines)
    {
        // Issuers stand on their own line above the title (003) or run into 关于 (000, 002).
        var lineList = lines.Select(l => l.Trim()).ToList();
        string issuerPart = "";
        int about = printed.IndexOf("关于", StringComparison.Ordinal);
        if (about > 0)
            issuerPart = printed[..about];
        else if (lineList.Count > 1 && !DocumentTypeClassifier.EndsLikeTitle(lineList[0]) && IssuerNames.LooksLikeAuthority(lineList[0].Split(' ')[^1]))
            issuerPart = lineList[0];
        string title = printed[issuerPart.Length..].Trim();
        var issuers = issuerPart.Split([' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries)
            .Where(IssuerNames.LooksLikeAuthority).ToList();
        if (issuers.Count == 0)
            title = printed; // what stood before 关于 was not an authority; keep the title whole
        return new TitleBlock(printed, offset, issuers, title, ForwardedOf(title));
    }

    private static string? ForwardedOf(string title)
    {
        const string Lead = "关于印发", Tail = "的通知";
        int lead = title.IndexOf(Lead, StringComparison.Ordinal);
        if (lead < 0 || !title.EndsWith(Tail, StringComparison.Ordinal))
            return null;
        string inner = title[(lead + Lead.Length)..^Tail.Length].Trim();
        inner = inner.TrimStart('《').TrimEnd('》');
        return inner.Length > 0 ? inner : null;
    }
}
