using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// 附件 — the line that opens an attachment: "附件", "附件1", "附件一", "附件2：" alone on its line (the title
/// follows on the next line), or "附件1：XX方案" / "附件1 XX方案" with the title on the same line.
/// "附件：XX方案" (a colon straight after 附件) is the attachment list at the end of a notice, not an attachment.
/// </summary>
internal static class AttachmentMarkerReader
{
    /// <summary>Longest title we accept on the same line as the marker.</summary>
    private const int MaxTitleLength = 50;

    /// <summary>Whether a line opens the list of attachments at the end of a notice: 附件：1．XX方案.</summary>
    public static bool OpensAttachmentList(string line) =>
        line.StartsWith("附件：", StringComparison.Ordinal) || line.StartsWith("附件:", StringComparison.Ordinal);

    public static bool TryRead(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        if (!text.AsSpan(pos).StartsWith("附件", StringComparison.Ordinal) || (pos > 0 && text[pos - 1] != '\n'))
            return false;
        int lineEnd = text.IndexOf('\n', pos);
        if (lineEnd < 0)
            lineEnd = text.Length;
        int end = pos + 2;
        int numberStart = end;
        while (end < lineEnd && end - numberStart < 3 && (char.IsAsciiDigit(text[end]) || ChineseNumeral.IsNumeralChar(text[end])))
            end++;
        int number = 0;
        var digits = text.AsSpan(numberStart, end - numberStart);
        if (!digits.IsEmpty && !int.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out number)
            && !ChineseNumeral.TryParse(digits, out number))
            return false;
        bool colon = end < lineEnd && text[end] is '：' or ':';
        if (colon && number == 0)
            return false; // 附件：XX — the list of attachments
        if (colon || (end < lineEnd && text[end] is ' ' or '\u3000'))
            end++;
        var title = text.AsSpan(end, lineEnd - end).Trim();
        if (title.Length > MaxTitleLength || (!title.IsEmpty && title[^1] is '。' or '；' or '，'))
            return false;
        if (!title.IsEmpty && number == 0 && !colon && OutlineMarker.IsHan(title[0]) && end == pos + 2)
            return false; // 附件材料…, 附件中… — a word that begins with 附件
        marker = new OutlineMarker(HeadingLevel.Attachment, number, end - pos);
        return true;
    }
}
