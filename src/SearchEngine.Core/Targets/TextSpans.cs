namespace SearchEngine.Core.Targets;

/// <summary>The pieces a section body is read in: paragraphs (lines), sentences, clauses and 《titles》, each as offsets.</summary>
internal static class TextSpans
{
    /// <summary>Paragraphs of a section body (lines), with their offsets.</summary>
    public static IEnumerable<(int Start, string Text)> Paragraphs(string body)
    {
        int start = 0;
        while (start < body.Length)
        {
            int end = body.IndexOf('\n', start);
            if (end < 0)
                end = body.Length;
            if (end > start)
                yield return (start, body[start..end]);
            start = end + 1;
        }
    }

    /// <summary>Sentences of a paragraph, each with its final 。；！？ and without leading spaces.</summary>
    public static IEnumerable<(int Start, int Length)> Sentences(string paragraph)
    {
        int start = 0;
        for (int i = 0; i < paragraph.Length; i++)
        {
            if (paragraph[i] is '。' or '；' or '！' or '？' or ';' or '!' or '?' || i == paragraph.Length - 1)
            {
                while (start <= i && char.IsWhiteSpace(paragraph[start]))
                    start++;
                if (i + 1 > start)
                    yield return (start, i + 1 - start);
                start = i + 1;
            }
        }
    }

    /// <summary>Clauses of a sentence (cut at ，、：, a comma between digit groups kept), as [start, end) pairs in order.</summary>
    public static List<(int Start, int End)> Clauses(string sentence)
    {
        var clauses = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            char ch = sentence[i];
            bool cut = ch is '，' or '、' or '：' or ':'
                || (ch == ',' && !(i > 0 && char.IsAsciiDigit(sentence[i - 1]) && i + 3 < sentence.Length && char.IsAsciiDigit(sentence[i + 1])));
            if (cut)
            {
                clauses.Add((start, i + 1));
                start = i + 1;
            }
        }
        clauses.Add((start, sentence.Length));
        return clauses;
    }

    /// <summary>Spans inside 《…》: a title (《关于有效应对疫情稳定经济增长20条政策措施的通知》) counts nothing.</summary>
    public static List<(int Start, int End)> TitleSpans(string sentence)
    {
        var spans = new List<(int, int)>();
        int open = -1;
        for (int i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] == '《')
                open = i;
            else if (sentence[i] == '》' && open >= 0)
            {
                spans.Add((open, i));
                open = -1;
            }
        }
        return spans;
    }
}
