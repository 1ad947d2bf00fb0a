using System.Text.RegularExpressions;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// The title lines at the top of a document, split into issuer part and title:
/// "湖南省人民政府办公厅关于印发《X》的通知" → issuers [湖南省人民政府办公厅], title "关于印发《X》的通知", forwarded X;
/// "国务院办公厅转发国家地震局关于…的通知" → issuers [国务院办公厅], forwarded organ 国家地震局.
/// </summary>
/// <param name="Printed">The title block as printed (issuer part included), lines joined, letter spacing removed.</param>
/// <param name="Offset">Where it starts in the text.</param>
/// <param name="Issuers">Authorities printed before 关于/印发/转发, split at spaces (joint issuers).</param>
/// <param name="Title">The title without the issuer part.</param>
/// <param name="ForwardedTitle">For 关于印发…的通知: the title of the document it issues, without 《》.</param>
/// <param name="ForwardedFrom">For 转发/批转: the organ whose document is forwarded.</param>
/// <param name="NextLine">Index of the first line after the block.</param>
/// <param name="GluedNumberOffset">Where a document number runs on right after the title in the same line (merged text), else -1.</param>
internal sealed partial record TitleBlock(
    string Printed, int Offset, IReadOnlyList<string> Issuers, string Title, string? ForwardedTitle, string? ForwardedFrom,
    int NextLine, int GluedNumberOffset)
{
    private const int MaxTitleLength = 100, MaxTitleLines = 5;

    /// <summary>The title block starting at line <paramref name="first"/>, or null when those lines are not a title.</summary>
    /// <param name="lines">The text's lines.</param>
    /// <param name="first">The first line that is not furniture (labelled fields, blank).</param>
    /// <param name="authorities">The authority grammar, to tell an issuer part.</param>
    /// <param name="declaredTitle">A title the file or page declares (used to accept a title with an unusual ending).</param>
    public static TitleBlock? Find(IReadOnlyList<TextLine> lines, int first, AuthorityNames authorities, string? declaredTitle)
    {
        string joined = "";
        int offset = -1;
        for (int i = first; i < lines.Count && i - first < MaxTitleLines + 2; i++)
        {
            string line = Unspace(lines[i].Text.Trim());
            if (line.Length == 0 || LabelledFields.IsLabelled(line))
            {
                if (joined.Length == 0)
                    continue;
                break;
            }
            // The red-header layout (GB/T 9704) prints the issuer's mark (北京市人民政府文件) and the number above
            // the title: they are not part of it, and the title starts after the number.
            if (DocumentNumberParser.ParseLine(line) is not null
                && (joined.Length == 0 || IsAuthorityOnly(joined, authorities) || IsIssuerMark(joined, authorities)))
            {
                (joined, offset) = ("", -1);
                first = i + 1;
                continue;
            }
            if (joined.Length > 0 && EndsBlock(line))
                break;
            if (offset < 0)
                offset = lines[i].Offset + lines[i].Text.IndexOf(lines[i].Text.TrimStart()[0], StringComparison.Ordinal);

            // Merged text (seed 002) runs title, number and addressees into one line: the title ends at the number.
            int glued = -1;
            if (DocumentNumberParser.FindFirst(line, line.Length) is { } hit && hit.Offset > 0
                && DocumentTypeClassifier.EndsLikeTitle(line[..hit.Offset]))
            {
                glued = lines[i].Offset + lines[i].Text.IndexOf(hit.Printed, StringComparison.Ordinal);
                line = line[..hit.Offset];
            }
            else if (line.Contains('。', StringComparison.Ordinal) || line.Contains('：', StringComparison.Ordinal) || line.Contains(':', StringComparison.Ordinal)
                || line.Contains('>', StringComparison.Ordinal) || line.Contains('›', StringComparison.Ordinal) || line.Contains('»', StringComparison.Ordinal))
            {
                break; // prose, addressees, a label or a breadcrumb (首页>政策文件): a title has none of these
            }
            joined += line;
            if (joined.Length > MaxTitleLength)
                return null;
            // A title never ends inside 《…》 or “…”: …实施《中华人民共和国药品管理法 / 实施条例》有关规定的决定.
            bool open = joined.Count(c => c == '《') > joined.Count(c => c == '》') || joined.Count(c => c == '“') > joined.Count(c => c == '”');
            bool endsLikeTitle = !open && (DocumentTypeClassifier.EndsLikeTitle(joined) || (declaredTitle is not null && Same(joined, declaredTitle)));
            if (endsLikeTitle || glued >= 0)
            {
                int next = i + 1;
                // A period printed under the title belongs to it: …发展规划 / （2021—2025年）.
                if (next < lines.Count && PeriodLine().IsMatch(lines[next].Text.Trim()))
                {
                    joined += lines[next].Text.Trim();
                    next++;
                }
                return Split(joined, offset, next, glued, authorities);
            }
            // A title that does not end with a 文种 word still stands above the document number.
            if (i + 1 < lines.Count && DocumentNumberParser.ParseLine(lines[i + 1].Text) is not null && !IsAuthorityOnly(joined, authorities)
                && !IsIssuerMark(joined, authorities))
                return Split(joined, offset, i + 1, -1, authorities);
        }
        return null;
    }

    /// <summary>发文机关标志 — the issuer's mark at the head of a red-header document: 北京市人民政府文件.</summary>
    public static bool IsIssuerMark(string line, AuthorityNames authorities) =>
        line.EndsWith("文件", StringComparison.Ordinal) && line.Length > 4 && authorities.SplitJoint(line[..^2]) is not null;

    /// <summary>Two spellings of a title are the same when they agree without spaces and brackets.</summary>
    public static bool Same(string a, string b) => Squeeze(a) == Squeeze(b);

    /// <summary>"几 个 问 题 的 通 知": characters spaced out across a line are one word; names separated by one space stay apart.</summary>
    public static string Unspace(string line) =>
        LetterSpaced().IsMatch(line) ? HanSpaces().Replace(line, "") : line;

    private static string Squeeze(string s) => Regex.Replace(s, @"[\s　《》“”""]", "");

    private static bool IsAuthorityOnly(string text, AuthorityNames authorities) => authorities.SplitJoint(text) is not null;

    /// <summary>Lines that end a title block: a number, a date, addressees, a bracketed note, labelled furniture.</summary>
    private static bool EndsBlock(string line) =>
        DocumentNumberParser.ParseLine(line) is not null
        || ChineseDate.TryParse(line.Trim('（', '）', '(', ')'), out _)
        || line.EndsWith('：') || line.EndsWith(':')
        || (line.StartsWith('（') && !PeriodLine().IsMatch(line))
        || line.Contains('。', StringComparison.Ordinal);

    private static TitleBlock Split(string printed, int offset, int nextLine, int glued, AuthorityNames authorities)
    {
        // The issuer part ends where the title's verb begins: 关于, or 印发/转发/批转 without 关于.
        int cut = -1;
        foreach (var verb in Verbs)
        {
            int at = printed.IndexOf(verb, StringComparison.Ordinal);
            if (at > 0 && (cut < 0 || at < cut))
                cut = at;
        }
        var issuers = new List<string>();
        string title = printed;
        if (cut > 0 && authorities.SplitJoint(printed[..cut]) is { } names)
        {
            issuers = names;
            title = printed[cut..].Trim();
        }
        string? forwardedFrom = null;
        if (title.StartsWith("转发", StringComparison.Ordinal) || title.StartsWith("批转", StringComparison.Ordinal))
        {
            int about = title.IndexOf("关于", StringComparison.Ordinal);
            if (about > 2 && authorities.SplitJoint(title[2..about]) is { Count: > 0 })
                forwardedFrom = title[2..about];
        }
        return new TitleBlock(printed, offset, issuers, title, ForwardedOf(title), forwardedFrom, nextLine, glued);
    }

    private static readonly string[] Verbs = ["关于", "印发", "转发", "批转"];

    /// <summary>关于印发X的通知, 印发X的通知: X is the document the notice issues.</summary>
    private static string? ForwardedOf(string title)
    {
        const string Tail = "的通知";
        if (!title.EndsWith(Tail, StringComparison.Ordinal))
            return null;
        int lead = title.IndexOf("印发", StringComparison.Ordinal);
        if (lead < 0 || lead > 2)
            return null;
        string inner = title[(lead + 2)..^Tail.Length].Trim();
        if (inner.StartsWith('《') && inner.EndsWith('》') && inner.IndexOf('《', 1) < 0)
            inner = inner[1..^1];
        return inner.Length > 0 ? inner : null;
    }

    [GeneratedRegex(@"^[（(]\s*(19|20)\d{2}\s*[—\-–－~～至]+\s*(19|20)\d{2}\s*年?\s*[）)]$")]
    private static partial Regex PeriodLine();

    [GeneratedRegex(@"[\u4e00-\u9fff][ 　]+[\u4e00-\u9fff][ 　]+[\u4e00-\u9fff](?:$|[ 　])")]
    private static partial Regex LetterSpaced();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff“”])[ 　]+(?=[\u4e00-\u9fff“”])")]
    private static partial Regex HanSpaces();
}
