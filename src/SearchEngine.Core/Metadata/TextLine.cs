namespace SearchEngine.Core.Metadata;

/// <summary>One line of the clean text with its offset, as the metadata readers walk it.</summary>
internal readonly record struct TextLine(string Text, int Offset)
{
    public int End => Offset + Text.Length;

    /// <summary>The lines of a text, '\n' separated, with their offsets.</summary>
    public static List<TextLine> Split(string text)
    {
        var lines = new List<TextLine>();
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            lines.Add(new TextLine(text[start..end], start));
            start = end + 1;
        }
        return lines;
    }
}
