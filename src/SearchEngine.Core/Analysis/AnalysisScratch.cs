namespace SearchEngine.Core.Analysis;

/// <summary>
/// The working arrays of one analysis (normalised characters and their source offsets, the segmentation graph,
/// slots, words), kept per thread and reused by the next text on that thread: allocating them for every text
/// cost more than a dozen bytes per input byte and most of the garbage collections of indexing. The analyzer is
/// shared between threads, so the arrays cannot live in it; one analysis per thread runs at a time, so a
/// thread's arrays are never used twice at once.
/// </summary>
internal sealed class AnalysisScratch
{
    /// <summary>
    /// Largest array, in elements, a thread keeps after its text is done: one huge text should not pin its
    /// working memory (about 36 bytes per character over these arrays) to the thread for good. 64 K characters
    /// hold a long section (2.3 MB a thread); at a million a serving process kept tens of megabytes per thread that
    /// had once highlighted a long text.
    /// </summary>
    private const int MaxRetained = 1 << 16;

    [ThreadStatic]
    private static AnalysisScratch? s_current;

    public char[] Chars = [];
    public int[] SourceStarts = [];
    public int[] SourceEnds = [];
    public ChineseSegmenter.CharKind[] CharKinds = [];
    public int[] SpanAt = [];
    public bool[] InsideSpan = [];
    public double[] Route = [];
    public int[] Next = [];
    public int[] NextNode = [];
    public int[] Slots = [];
    public readonly List<ChineseSegmenter.Word> Words = [];
    public readonly List<MixedTokenRecognizer.Span> Spans = [];
    public readonly TermCache Terms = new();
    public readonly List<(int Start, int End)> HmmWords = [];

    /// <summary>This thread's scratch.</summary>
    public static AnalysisScratch ForCurrentThread() => s_current ??= new AnalysisScratch();

    /// <summary>
    /// An array of at least <paramref name="length"/> elements, reused when the one held is large enough. Its
    /// contents are whatever the last text left: callers initialise what they read.
    /// </summary>
    public static T[] Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
            array = new T[Math.Max(length, Math.Min(MaxRetained, array.Length * 2))];
        return array;
    }

    /// <summary>Drops the arrays and lists a huge text grew, once it is analysed.</summary>
    public void Trim()
    {
        if (Chars.Length > MaxRetained || Route.Length > MaxRetained || Slots.Length > MaxRetained || Words.Capacity > MaxRetained
            || Spans.Capacity > MaxRetained)
            s_current = null;
    }
}
