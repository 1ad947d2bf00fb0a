namespace SearchEngine.Core.Analysis;

/// <summary>
/// 分词 — the segmentation of normalised text into words: a graph of every dictionary word starting at each
/// character (and each mixed token, which cannot be cut), the path of highest probability through it (the
/// product of word frequencies, as jieba computes it), and the HMM for runs of single characters the
/// dictionary does not join (names and new words). Whitespace and punctuation are crossed by edges that emit
/// nothing, so a lexicon term may contain them (4+4科创工程) but no other word does. Holds no state between
/// calls, so one instance serves all threads.
/// </summary>
internal sealed class ChineseSegmenter(Vocabulary vocabulary, HmmWordFinder hmm)
{
    /// <summary>
    /// A word of the segmentation, in normalised-text offsets. <see cref="Node"/> is its node in the vocabulary's
    /// prefix tree when it is a vocabulary word (frequency &gt; 0), else <see cref="WordPrefixTree.None"/>; the
    /// walk found it already, so the analyzer need not look the word up again.
    /// </summary>
    public readonly record struct Word(int Start, int End, TokenKind Kind, int SpanIndex, int Node = WordPrefixTree.None);

    internal enum CharKind : byte { Han, Word, Skip }

    /// <summary>Log probability given to a mixed token: a plausible word, so lexicon terms containing it win.</summary>
    private readonly double _spanLogProbability = Math.Log(1000) - vocabulary.LogTotal;

    public void Segment(string text, List<MixedTokenRecognizer.Span> spans, List<Word> output) =>
        Segment(text, spans, output, new AnalysisScratch());

    /// <summary>Segments with the working arrays of <paramref name="scratch"/>.</summary>
    public void Segment(string text, List<MixedTokenRecognizer.Span> spans, List<Word> output, AnalysisScratch scratch)
    {
        int n = text.Length;
        if (n == 0)
            return;
        var kinds = Classify(text, AnalysisScratch.Ensure(ref scratch.CharKinds, n));
        var spanAt = AnalysisScratch.Ensure(ref scratch.SpanAt, n + 1);
        Array.Fill(spanAt, -1, 0, n + 1);
        var insideSpan = AnalysisScratch.Ensure(ref scratch.InsideSpan, n + 1);
        Array.Clear(insideSpan, 0, n + 1);
        for (int s = 0; s < spans.Count; s++)
        {
            spanAt[spans[s].Start] = s;
            for (int i = spans[s].Start + 1; i < spans[s].End; i++)
                insideSpan[i] = true;
        }

        var tree = vocabulary.Tree;
        // A character the dictionary does not know scores as frequency 1, as a prefix-only one does.
        double unknownLogProbability = Math.Log(1) - vocabulary.LogTotal;
        // route[i]: best log probability of segmenting text[i..]; next[i]: end of the first word on that path.
        // Every entry read is written first: route[n] here, then each i from n - 1 down.
        var route = AnalysisScratch.Ensure(ref scratch.Route, n + 1);
        var next = AnalysisScratch.Ensure(ref scratch.Next, n + 1);
        var nextNode = AnalysisScratch.Ensure(ref scratch.NextNode, n + 1);
        route[n] = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            if (insideSpan[i])
            {
                route[i] = double.NegativeInfinity;
                continue;
            }
            // One walk down the prefix tree finds every word starting here; the log probabilities were computed at load.
            int node = tree.Child(WordPrefixTree.Root, text[i]);
            double best = double.NegativeInfinity;
            int bestEnd = i + 1;
            int bestNode = WordPrefixTree.None;
            int minEnd = i + 1;
            if (spanAt[i] >= 0)
            {
                minEnd = spans[spanAt[i]].End;
                (best, bestEnd) = (_spanLogProbability + route[minEnd], minEnd);
            }
            else if (kinds[i] == CharKind.Skip)
            {
                (best, bestEnd) = (route[i + 1], i + 1);
            }
            else
            {
                double single = node == WordPrefixTree.None ? unknownLogProbability : tree.LogProbability(node);
                (best, bestEnd, bestNode) = (single + route[i + 1], i + 1, node);
            }
            int limit = Math.Min(n, i + vocabulary.MaxWordLength);
            for (int j = i + 2; j <= limit && node != WordPrefixTree.None; j++)
            {
                node = tree.Child(node, text[j - 1]);
                if (node == WordPrefixTree.None)
                    break;
                if (tree.Frequency(node) == 0 || j < minEnd || insideSpan[j] || kinds[j - 1] == CharKind.Skip)
                    continue;
                double score = tree.LogProbability(node) + route[j];
                if (score > best)
                    (best, bestEnd, bestNode) = (score, j, node);
            }
            route[i] = best;
            next[i] = bestEnd;
            nextNode[i] = bestNode != WordPrefixTree.None && tree.Frequency(bestNode) > 0 ? bestNode : WordPrefixTree.None;
        }
        Emit(text, kinds, spans, spanAt, next, nextNode, output, scratch.HmmWords);
    }

    /// <summary>Walks the best path; runs of single Han characters that the dictionary does not know go to the HMM.</summary>
    private void Emit(string text, CharKind[] kinds, List<MixedTokenRecognizer.Span> spans, int[] spanAt, int[] next, int[] nextNode, List<Word> output,
        List<(int Start, int End)> found)
    {
        int runStart = -1;
        int i = 0;
        while (i < text.Length)
        {
            int end = next[i];
            bool singleHan = end == i + 1 && kinds[i] == CharKind.Han && spanAt[i] < 0;
            if (singleHan)
            {
                if (runStart < 0)
                    runStart = i;
            }
            else
            {
                FlushRun(text, runStart, i, found, output);
                runStart = -1;
                // A lexicon term that starts with a mixed token (4+4科创工程) is a word, not the token.
                bool wholeSpan = spanAt[i] >= 0 && end == spans[spanAt[i]].End;
                if (wholeSpan)
                    output.Add(new Word(i, end, default, spanAt[i]));
                else if (kinds[i] != CharKind.Skip)
                    output.Add(new Word(i, end, TokenKind.Word, -1, nextNode[i]));
            }
            i = end;
        }
        FlushRun(text, runStart, text.Length, found, output);
    }

    private void FlushRun(string text, int start, int end, List<(int Start, int End)> found, List<Word> output)
    {
        if (start < 0)
            return;
        var run = text.AsSpan(start, end - start);
        // A run the dictionary knows as one word was split on purpose by the path (its parts scored higher).
        if (run.Length == 1 || vocabulary.Contains(run))
        {
            var tree = vocabulary.Tree;
            for (int k = start; k < end; k++)
            {
                int node = tree.Child(WordPrefixTree.Root, text[k]);
                output.Add(new Word(k, k + 1, TokenKind.Word, -1, node != WordPrefixTree.None && tree.Frequency(node) > 0 ? node : WordPrefixTree.None));
            }
            return;
        }
        found.Clear();
        hmm.Split(run, found);
        foreach (var (s, e) in found)
            output.Add(new Word(start + s, start + e, TokenKind.Word, -1));
    }

    private static CharKind[] Classify(string text, CharKind[] kinds)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            kinds[i] = IsHan(c) ? CharKind.Han
                : char.IsLetterOrDigit(c) && !char.IsSurrogate(c) ? CharKind.Word
                : CharKind.Skip;
        }
        return kinds;
    }

    /// <summary>Han characters: unified ideographs, extension A, and 〇.</summary>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or '〇';
}
