using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Finds the headings of clean text line by line: a line that starts with a marker the <see cref="OutlineCursor"/>
/// accepts. Three kinds of boundary restart the numbering: an attachment line (附件1, with its title on the same or
/// the next line); a document title followed by a fresh outline (一、 or 第一章 again), as when a notice
/// (印发…的通知) prints the plan it forwards after its signature; and the end of a table of contents (目录), whose
/// lines are headings with no text between them, repeated by the body. The list of attachments at the end of a
/// notice (附件：1．XX方案 2．YY方案) is text. A marker alone on its line takes its heading text from the next line.
/// </summary>
internal static class OutlineHeadingFinder
{
    /// <summary>Lines above a fresh outline searched for the title of the document it starts.</summary>
    private const int TitleLookBack = 4;

    /// <summary>Longest line read as a marker standing alone ("（十一）", "第十二章").</summary>
    private const int BareMarkerLength = 8;

    private sealed class State(string text)
    {
        public string Text { get; } = text;
        public List<(int Start, int End)> Lines { get; } = LinesOf(text);
        public List<OutlineHeading> Found { get; } = [];
        public OutlineCursor Cursor { get; } = new();
        public bool InAttachmentList { get; set; }
        public int FirstLineAfterHeading { get; set; }
        public int FoundAtReset { get; set; }
        public bool BodySinceReset { get; set; }

        public string Line(int li) => Text[Lines[li].Start..Lines[li].End];

        public void Reset()
        {
            Cursor.Reset();
            (FoundAtReset, BodySinceReset) = (Found.Count, false);
        }

        public void Body()
        {
            InAttachmentList = false;
            if (Found.Count > FoundAtReset)
                BodySinceReset = true;
        }
    }

    public static List<OutlineHeading> Find(string text)
    {
        var state = new State(text);
        for (int li = 0; li < state.Lines.Count; li++)
            li = Read(state, li);
        return state.Found;
    }

    /// <summary>Reads line <paramref name="li"/>; returns the last line it consumed.</summary>
    private static int Read(State state, int li)
    {
        string line = state.Line(li);
        if (AttachmentMarkerReader.OpensAttachmentList(line))
        {
            state.InAttachmentList = true;
            return li;
        }
        if (!OutlineMarker.TryRead(line, 0, out var marker, state.Cursor.ExpectedItem) && !TryReadBare(state, li, out marker))
        {
            state.Body();
            return li;
        }
        if (state.InAttachmentList && marker.Level != HeadingLevel.Attachment)
            return li; // 2．YY方案 under 附件：1．XX方案
        if (marker.Level == HeadingLevel.Attachment)
        {
            if (li + 1 < state.Lines.Count && AttachmentMarkerReader.TryRead(state.Line(li + 1), 0, out _))
            {
                state.InAttachmentList = true; // 附件1：XX方案 附件2：YY方案, listed one a line
                return li;
            }
            state.Found.Add(Attachment(state, ref li, marker));
            state.Reset();
            state.FirstLineAfterHeading = li + 1;
            return li;
        }
        if (!state.Cursor.IsPlausible(marker) && !Restart(state, li, marker))
        {
            state.Body();
            return li;
        }
        state.Cursor.Advance(marker);
        state.Found.Add(Heading(state, ref li, marker));
        state.FirstLineAfterHeading = li + 1;
        return li;
    }

    /// <summary>
    /// A fresh outline (一、 after 九、) is taken when it ends a table of contents or follows the title of a
    /// forwarded document, which then opens a top-level section; otherwise the marker is text.
    /// </summary>
    private static bool Restart(State state, int li, OutlineMarker marker)
    {
        if (!StartsAfresh(marker))
            return false;
        if (!state.BodySinceReset && state.Found.Count > state.FoundAtReset)
        {
            state.Found.RemoveRange(state.FoundAtReset, state.Found.Count - state.FoundAtReset);
            state.Reset();
            return true;
        }
        int title = TitleAbove(state, li);
        if (title < 0)
            return false;
        var (start, end) = state.Lines[title];
        string titleText = state.Text[start..end].Trim();
        state.Found.Add(new OutlineHeading(start, end, HeadingLevel.Attachment, 0,
            OutlineRank.Of(HeadingLevel.Attachment), titleText, titleText, titleText));
        state.Reset();
        return true;
    }

    /// <summary>"（三）" alone on its line, its text on the next: read the marker from both lines joined.</summary>
    private static bool TryReadBare(State state, int li, out OutlineMarker marker)
    {
        marker = default;
        string line = state.Line(li).TrimEnd();
        if (line.Length > BareMarkerLength || li + 1 >= state.Lines.Count || !TitleLine.LooksLikeHeadingText(state.Line(li + 1)))
            return false;
        return OutlineMarker.TryRead(line + state.Line(li + 1), 0, out marker, state.Cursor.ExpectedItem)
            && marker.Length == line.Length
            && marker.Level is HeadingLevel.Part or HeadingLevel.Chapter or HeadingLevel.Item or HeadingLevel.SubItem;
    }

    private static OutlineHeading Heading(State state, ref int li, OutlineMarker marker)
    {
        var (start, _) = state.Lines[li];
        string line = state.Line(li);
        // Regulations and decimal outlines print a space between number and title that cleaning may have taken
        // out (1总则) or doubled (第一章　总　　则); their breadcrumb shows the number, one space, the title.
        bool spacedLabel = marker.Level is HeadingLevel.Volume or HeadingLevel.LawChapter or HeadingLevel.LawSection
            or HeadingLevel.Article or HeadingLevel.DecimalOutline;
        if (line.AsSpan(marker.Length).Trim().IsEmpty && marker.Level is not (HeadingLevel.Article or HeadingLevel.DecimalOutline)
            && li + 1 < state.Lines.Count && TitleLine.LooksLikeHeadingText(state.Line(li + 1)))
        {
            // The marker alone on its line, its text on the next: both lines are the heading.
            li++;
            string text = state.Line(li).Trim();
            string markerText = line.Trim();
            string title = HeadingText.TitleOf(text, 0);
            string joined = markerText + " " + text;
            return new OutlineHeading(start, state.Lines[li].End, marker.Level, marker.Number, OutlineRank.Of(marker),
                joined, title, spacedLabel ? HeadingText.Label(markerText, title) : joined);
        }
        int length = marker.Level == HeadingLevel.Article ? HeadingText.ArticleHeadingLength(line, marker.Length) : HeadingText.HeadingLength(line, marker.Length);
        string heading = line[..length];
        string headingTitle = HeadingText.TitleOf(heading, marker.Length);
        string label = spacedLabel ? HeadingText.Label(line[..marker.Length], headingTitle) : heading;
        return new OutlineHeading(start, start + length, marker.Level, marker.Number, OutlineRank.Of(marker), heading, headingTitle, label);
    }

    /// <summary>附件1 with its title on the same line, or alone with the title on the next line (then both lines).</summary>
    private static OutlineHeading Attachment(State state, ref int li, OutlineMarker marker)
    {
        var (start, end) = state.Lines[li];
        string title = HeadingText.TitleOf(state.Line(li), marker.Length);
        if (title.Length == 0 && li + 1 < state.Lines.Count && TitleLine.Looks(state.Line(li + 1)))
        {
            li++;
            end = state.Lines[li].End;
            title = state.Line(li).Trim();
            if (li + 1 < state.Lines.Count && TitleLine.ContinuesTitle(title, state.Line(li + 1)))
            {
                li++; // a long title printed on two lines
                end = state.Lines[li].End;
                title += state.Line(li).Trim();
            }
        }
        string label = HeadingText.Label(state.Text.Substring(start, marker.Length), title);
        return new OutlineHeading(start, end, HeadingLevel.Attachment, marker.Number, OutlineRank.Of(marker), label, title, label);
    }

    /// <summary>The first heading of an outline: 一、 第一编 第一章 第一条 or decimal 1.</summary>
    private static bool StartsAfresh(OutlineMarker marker) =>
        marker.Number == 1 && marker.Depth == 1 && marker.Level is HeadingLevel.Part or HeadingLevel.Volume
            or HeadingLevel.LawChapter or HeadingLevel.Article or HeadingLevel.DecimalOutline;

    /// <summary>The nearest line above <paramref name="li"/>, after the last heading, that reads as a title; -1 if none.</summary>
    private static int TitleAbove(State state, int li)
    {
        for (int t = li - 1; t >= Math.Max(state.FirstLineAfterHeading, li - TitleLookBack); t--)
        {
            if (TitleLine.Looks(state.Line(t)))
                return t;
        }
        return -1;
    }

    private static List<(int Start, int End)> LinesOf(string text)
    {
        var lines = new List<(int, int)>();
        int lineStart = 0;
        while (lineStart < text.Length)
        {
            int lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            lines.Add((lineStart, lineEnd));
            lineStart = lineEnd + 1;
        }
        return lines;
    }
}
