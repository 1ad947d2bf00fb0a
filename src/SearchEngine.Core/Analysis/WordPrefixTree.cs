namespace SearchEngine.Core.Analysis;

/// <summary>
/// The vocabulary as a tree of prefixes, one node per prefix of a word: walking a text character by character
/// finds every word starting at a position with one table probe per character, where a dictionary keyed by
/// string hashes and compares the whole prefix again for each length. Each node keeps the word's frequency and
/// its log probability computed once at load, and the word's string, so a token of a known word reuses it
/// instead of allocating a copy. Read only after it is built, so threads share it.
/// </summary>
internal sealed class WordPrefixTree
{
    /// <summary>The node of the empty prefix, where every walk starts.</summary>
    public const int Root = 0;

    /// <summary>No node: nothing in the vocabulary starts so.</summary>
    public const int None = -1;

    private readonly int[] _frequency;
    private readonly double[] _logProbability;
    private readonly string?[] _word;

    // The edges (parent, character) → child, in one open-addressed table: a probe is a multiply and an array
    // read, no string hashing. A key is ((parent + 1) << 16) | character, so 0 marks an empty slot.
    private readonly long[] _edgeKeys;
    private readonly int[] _edgeChildren;
    private readonly int _shift;

    private WordPrefixTree(int[] frequency, double[] logProbability, string?[] word, long[] edgeKeys, int[] edgeChildren, int shift)
    {
        _frequency = frequency;
        _logProbability = logProbability;
        _word = word;
        _edgeKeys = edgeKeys;
        _edgeChildren = edgeChildren;
        _shift = shift;
    }

    /// <summary>
    /// Builds the tree of the given words (frequency &gt; 0). A node's log probability is
    /// log(max(frequency, 1)) − <paramref name="logTotal"/>, the very expression the segmenter used per lookup, so
    /// the scores, and the paths they choose, do not change.
    /// </summary>
    public static WordPrefixTree Build(Dictionary<string, int> words, double logTotal)
    {
        var edges = new Dictionary<long, int>(words.Count * 2);
        var frequency = new List<int> { 0 };
        var word = new List<string?> { null };
        foreach (var (text, wordFrequency) in words)
        {
            int node = Root;
            foreach (char c in text)
            {
                long key = Key(node, c);
                if (!edges.TryGetValue(key, out int child))
                {
                    child = frequency.Count;
                    frequency.Add(0);
                    word.Add(null);
                    edges.Add(key, child);
                }
                node = child;
            }
            frequency[node] = wordFrequency;
            word[node] = text;
        }

        var logProbability = new double[frequency.Count];
        for (int node = 0; node < logProbability.Length; node++)
            logProbability[node] = Math.Log(Math.Max(frequency[node], 1)) - logTotal;

        // At most half full, so a probe sequence stays short.
        int bits = Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)edges.Count * 2));
        var edgeKeys = new long[1 << bits];
        var edgeChildren = new int[1 << bits];
        int shift = 64 - bits;
        foreach (var (key, child) in edges)
        {
            int slot = Slot(key, shift);
            while (edgeKeys[slot] != 0)
                slot = (slot + 1) & (edgeKeys.Length - 1);
            edgeKeys[slot] = key;
            edgeChildren[slot] = child;
        }
        return new WordPrefixTree([.. frequency], logProbability, [.. word], edgeKeys, edgeChildren, shift);
    }

    /// <summary>The node of the prefix extended by <paramref name="c"/>, or <see cref="None"/>.</summary>
    public int Child(int node, char c)
    {
        long key = Key(node, c);
        var keys = _edgeKeys;
        int mask = keys.Length - 1;
        for (int slot = Slot(key, _shift); ; slot = (slot + 1) & mask)
        {
            long found = keys[slot];
            if (found == key)
                return _edgeChildren[slot];
            if (found == 0)
                return None;
        }
    }

    /// <summary>The node of a whole prefix, or <see cref="None"/>; the empty prefix has none.</summary>
    public int Find(ReadOnlySpan<char> prefix)
    {
        if (prefix.IsEmpty)
            return None;
        int node = Root;
        foreach (char c in prefix)
        {
            node = Child(node, c);
            if (node == None)
                return None;
        }
        return node;
    }

    /// <summary>The word's frequency, 0 for a prefix that is not a word.</summary>
    public int Frequency(int node) => _frequency[node];

    /// <summary>log(max(frequency, 1)) − log(total frequency).</summary>
    public double LogProbability(int node) => _logProbability[node];

    /// <summary>The word's string, null for a prefix that is not a word.</summary>
    public string? Word(int node) => _word[node];

    private static long Key(int node, char c) => ((long)(node + 1) << 16) | c;

    private static int Slot(long key, int shift) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> shift);
}
