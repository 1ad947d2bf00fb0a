using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Breaks run-on text (002 scraped a .docx into one stream: "…制定本行动计划。一、行动目标锚定…二、行动举措(一)自主
/// 创新登峰行动1 .争创…") into paragraphs in front of each heading it holds. A marker inside text counts only
/// when it continues the outline (<see cref="OutlineCursor"/>) and follows a sentence boundary, except an item
/// that follows its chapter's heading directly, as merged headings do.
/// </summary>
internal static class RunOnHeadingSplitter
{
    /// <summary>Paragraphs shorter than this are ordinary paragraphs; only longer ones are scanned inside.</summary>
    private const int RunOnLength = 160;

    public static List<string> Split(IReadOnlyList<string> paragraphs)
    {
        var cursor = new OutlineCursor();
        var result = new List<string>(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (OutlineMarker.TryRead(paragraph, 0, out var lead, cursor.ExpectedItem))
                cursor.Advance(lead);
            if (paragraph.Length < RunOnLength)
            {
                result.Add(paragraph);
                continue;
            }
            int start = 0;
            int lastMarkerEnd = lead.Length > 0 ? lead.Length : -1;
            HeadingLevel lastLevel = lead.Length > 0 ? lead.Level : HeadingLevel.Preamble;
            for (int i = 1; i < paragraph.Length; i++)
            {
                // The notice outline and spaced regulation markers are split out of run-on text: a 第X条 inside a
                // sentence is mostly a citation (依照本条例第十二条), and decimal figures and attachments are never
                // glued to text.
                if (!OutlineMarker.TryRead(paragraph, i, out var marker, cursor.ExpectedItem))
                    continue;
                // A regulation scraped into one stream keeps the spaces its layout put after 第一章 and 第一条
                // ("…总    则第一条  为加强…"): followed by spaces and continuing the numbering, it is a heading; a
                // citation is followed by its words (第十二条规定).
                bool isLaw = marker.Level is HeadingLevel.Volume or HeadingLevel.LawChapter or HeadingLevel.LawSection or HeadingLevel.Article;
                if (isLaw)
                {
                    if (!SpacedLawMarker(paragraph, i) || !cursor.Continues(marker))
                        continue;
                }
                else
                {
                    if (marker.Level is not (HeadingLevel.Part or HeadingLevel.Chapter or HeadingLevel.Item or HeadingLevel.SubItem))
                        continue;
                    // After a sentence boundary a marker may skip one number (002 prints (一) twice, then (三));
                    // glued to a heading's text it must be exactly the next one.
                    bool afterBoundary = CharClass.IsSentenceBoundary(paragraph[i - 1]) && cursor.IsPlausible(marker);
                    bool afterHeadingText = lastLevel is HeadingLevel.Part or HeadingLevel.Chapter
                        && marker.Level > lastLevel && i - lastMarkerEnd <= 24 && cursor.Continues(marker);
                    if (!afterBoundary && !afterHeadingText)
                        continue;
                }
                result.Add(paragraph[start..i]);
                start = i;
                cursor.Advance(marker);
                lastMarkerEnd = i + marker.Length;
                lastLevel = marker.Level;
                i += marker.Length - 1;
            }
            result.Add(paragraph[start..]);
        }
        return result;
    }

    /// <summary>第…条/章/节/编 at <paramref name="at"/> followed by at least one space.</summary>
    private static bool SpacedLawMarker(string text, int at)
    {
        int end = at + 1;
        while (end < text.Length && end - at <= 8 && text[end] is not ('条' or '章' or '节' or '编'))
            end++;
        return end + 1 < text.Length && text[end] is '条' or '章' or '节' or '编' && text[end + 1] is ' ' or '\u3000';
    }
}
