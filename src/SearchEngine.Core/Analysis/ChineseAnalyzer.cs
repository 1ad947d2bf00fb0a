namespace SearchEngine.Core.Analysis;

/// <summary>
/// 分析器 — the one analysis chain for indexing and querying: normalisation (NFKC, case, traditional →
/// simplified) with offsets kept, mixed-token recognition, dictionary + HMM segmentation, stop words, and in
/// index mode the sub-words and parts of long tokens. Built once (the dictionary takes a moment to load) and
/// safe to share between threads.
/// </summary>
public sealed class ChineseAnalyzer
{
    private static readonly Lazy<ChineseAnalyzer> Shared = new(() => new ChineseAnalyzer(Vocabulary.Load()));

    /// <summary>Shortest word that gets sub-words in index mode: 农业发展银行 → 农业, 发展, 银行, ….</summary>
    private const int SubWordMinLength = 3;

    /// <summary>
    /// Most characters a word crossing into a long word may start before it (数据 of 数据要素 before 要素市场化配置),
    /// and most such crossing words emitted at one boundary: the cost per long word stays bounded.
    /// </summary>
    private const int CrossingReach = 4, MaxCrossingWords = 16;

    private readonly ChineseSegmenter _segmenter;
    private readonly StopWords _stopWords;

    /// <summary>
    /// One bit per prefix-tree node, set for the stop words the vocabulary knows: a word found by a walk is checked
    /// with a bit read (the bits of all nodes fit in the CPU cache) rather than by hashing its string.
    /// </summary>
    private readonly ulong[] _stopWordNodes;

    private ChineseAnalyzer(Vocabulary vocabulary)
    {
        Vocabulary = vocabulary;
        _segmenter = new ChineseSegmenter(vocabulary, HmmWordFinder.Default);
        _stopWords = StopWords.Default;
        _stopWordNodes = new ulong[(vocabulary.Tree.NodeCount + 63) / 64];
        foreach (var stopWord in _stopWords.Words)
        {
            int node = vocabulary.Tree.Find(stopWord);
            if (node != WordPrefixTree.None && vocabulary.Tree.Frequency(node) > 0)
                _stopWordNodes[node >> 6] |= 1UL << node;
        }
    }

    /// <summary>The analyzer with the embedded dictionary and policy lexicon.</summary>
    public static ChineseAnalyzer Default => Shared.Value;

    /// <summary>An analyzer that also knows the terms of the given user lexicon files ("word [frequency]" per line).</summary>
    public static ChineseAnalyzer WithUserLexicons(IEnumerable<string> paths) => new(Vocabulary.Load(paths));

    public Vocabulary Vocabulary { get; }

    /// <summary>Analyses text into tokens with exact offsets and positions.</summary>
    public List<Token> Analyze(string text, AnalysisMode mode = AnalysisMode.Index)
    {
        var tokens = new List<Token>();
        Analyze(text, mode, tokens);
        return tokens;
    }

    /// <summary>Text as terms are normalised (simplified, half-width, lower case), without segmenting it.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NormalizedText.Of(text);
    }

    /// <summary>The terms of the query-mode tokens, in order: what a search for this text looks for.</summary>
    public List<string> Terms(string text) => [.. Analyze(text, AnalysisMode.Query).Select(t => t.Text)];

    public void Analyze(string text, AnalysisMode mode, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = AnalysisScratch.ForCurrentThread();
        var normalized = NormalizedText.Create(text, scratch);
        string chars = normalized.Slice(0, normalized.Length);
        var spans = scratch.Spans;
        spans.Clear();
        MixedTokenRecognizer.Find(chars, spans);
        var words = scratch.Words;
        words.Clear();
        _segmenter.Segment(chars, spans, words, scratch);
        var slots = Slots(chars, AnalysisScratch.Ensure(ref scratch.Slots, chars.Length + 1));
        AddTokens(chars, spans, words, normalized, slots, mode, output, scratch.Terms);
        words.Clear();
        spans.Clear();
        scratch.Trim();
    }

    private void AddTokens(string chars, List<MixedTokenRecognizer.Span> spans, List<ChineseSegmenter.Word> words, NormalizedText normalized,
        int[] slots, AnalysisMode mode, List<Token> output, TermCache terms)
    {

        for (int w = 0; w < words.Count; w++)
        {
            var word = words[w];
            bool isSpan = word.SpanIndex >= 0;
            string term = isSpan ? spans[word.SpanIndex].Text
                : word.Node != WordPrefixTree.None ? Vocabulary.Tree.Word(word.Node)!
                : WordText(chars, word.Start, word.End, terms);
            var kind = isSpan ? spans[word.SpanIndex].Kind : TokenKind.Word;
            bool stopWord = word.Node != WordPrefixTree.None ? IsStopWordNode(word.Node) : _stopWords.Contains(term);
            if (!stopWord)
                output.Add(MakeToken(term, word.Start, word.End, kind, normalized, slots));
            if (mode != AnalysisMode.Index)
                continue;
            if (isSpan)
            {
                foreach (var (part, start) in spans[word.SpanIndex].Parts)
                {
                    if (part != term && part.Length > 0 && !_stopWords.Contains(part))
                        output.Add(MakeToken(part, start, start + part.Length, TokenKind.SubWord, normalized, slots));
                }
            }
            else if (word.End - word.Start >= SubWordMinLength)
            {
                AddSubWords(chars, word.Start, word.End, normalized, slots, output, terms);
            }
            if (w > 0 && IsHanWord(words[w - 1], chars) && IsHanWord(word, chars) && words[w - 1].End == word.Start
                && (word.End - word.Start >= SubWordMinLength || words[w - 1].End - words[w - 1].Start >= SubWordMinLength))
            {
                AddCrossingWords(chars, words[w - 1].Start, word.Start, word.End, normalized, slots, output);
            }
        }
    }

    /// <summary>A known word's string from the vocabulary, so the token allocates nothing; a copy for any other (cached for two characters).</summary>
    private string WordText(string chars, int start, int end, TermCache terms)
    {
        var piece = chars.AsSpan(start, end - start);
        int node = Vocabulary.Tree.Find(piece);
        return node != WordPrefixTree.None && Vocabulary.Tree.Word(node) is { } word ? word : piece.Length == 2 ? terms.Bigram(piece) : piece.ToString();
    }

    private bool IsStopWordNode(int node) => (_stopWordNodes[node >> 6] & (1UL << node)) != 0;

    private static bool IsHanWord(ChineseSegmenter.Word word, string chars) =>
        word.SpanIndex < 0 && ChineseSegmenter.IsHan(chars[word.Start]) && ChineseSegmenter.IsHan(chars[word.End - 1]);

    /// <summary>
    /// Dictionary words that cross the boundary between two adjacent words when one of them is long: the path
    /// cut 数据要素市场化配置 as 数据 | 要素市场化配置, so 数据要素 is added as a sub-word on the slots it covers
    /// and a search for 数据要素 finds it. Starts at most <see cref="CrossingReach"/> characters before the
    /// boundary, at most <see cref="MaxCrossingWords"/> words per boundary.
    /// </summary>
    private void AddCrossingWords(string chars, int previousStart, int boundary, int end, NormalizedText normalized, int[] slots, List<Token> output)
    {
        var tree = Vocabulary.Tree;
        int emitted = 0;
        for (int i = Math.Max(previousStart, boundary - CrossingReach); i < boundary; i++)
        {
            int limit = Math.Min(end, i + Vocabulary.MaxWordLength);
            int node = tree.Child(WordPrefixTree.Root, chars[i]);
            for (int j = i + 2; j <= limit && node != WordPrefixTree.None; j++)
            {
                node = tree.Child(node, chars[j - 1]);
                if (node == WordPrefixTree.None)
                    break;
                if (j <= boundary || tree.Frequency(node) == 0 || IsStopWordNode(node))
                    continue;
                output.Add(MakeToken(tree.Word(node)!, i, j, TokenKind.SubWord, normalized, slots));
                if (++emitted == MaxCrossingWords)
                    return;
            }
        }
    }

    /// <summary>
    /// Every dictionary word inside a long word, as jieba's search mode finds them (农业, 发展, 银行 in
    /// 农业发展银行), and every bigram of Han characters, so that any query of two or more characters is found inside a
    /// long word even when the dictionary does not know it (科技城 inside 岳麓山国家大学科技城 as 科技+技城).
    /// Sub-words are marked, so the engine can rank a whole-word match above them.
    /// </summary>
    private void AddSubWords(string chars, int start, int end, NormalizedText normalized, int[] slots, List<Token> output, TermCache terms)
    {
        var tree = Vocabulary.Tree;
        for (int i = start; i < end - 1; i++)
        {
            // The walk down the prefix tree gives each piece's frequency and, for a word, its string.
            int node = tree.Child(WordPrefixTree.Root, chars[i]);
            for (int j = i + 2; j <= end && j - i < end - start; j++)
            {
                if (node != WordPrefixTree.None)
                    node = tree.Child(node, chars[j - 1]);
                int frequency = node == WordPrefixTree.None ? -1 : tree.Frequency(node);
                bool bigram = j - i == 2 && ChineseSegmenter.IsHan(chars[i]) && ChineseSegmenter.IsHan(chars[i + 1]);
                if (frequency < 0 && !bigram)
                    break;
                if (frequency > 0 ? !IsStopWordNode(node) : bigram && !_stopWords.Contains(chars.AsSpan(i, 2)))
                    output.Add(MakeToken(frequency > 0 ? tree.Word(node)! : terms.Bigram(chars.AsSpan(i, 2)), i, j, TokenKind.SubWord, normalized, slots));
            }
        }
    }

    private static Token MakeToken(string term, int start, int end, TokenKind kind, NormalizedText normalized, int[] slots) =>
        new(term, normalized.SourceStart(start), normalized.SourceEnd(end - 1), slots[start], slots[end - 1] + 1, kind);

    /// <summary>Slot of each character: the count of non-space characters before it.</summary>
    private static int[] Slots(string chars, int[] slots)
    {
        int slot = 0;
        for (int i = 0; i < chars.Length; i++)
        {
            slots[i] = slot;
            if (!char.IsWhiteSpace(chars[i]))
                slot++;
        }
        slots[chars.Length] = slot;
        return slots;
    }
}
