namespace SearchEngine.Core.Analysis;

/// <summary>
/// The vocabulary as a tree of prefixes, one node per prefix of a word: walking a text character by character
/// finds every word starting at a position with one table probe per character, where a dictionary keyed by
/// string hashes and compares the whole prefix again for each length. Each node keeps the word's frequency and
/// its log probability computed once at load, and the word's string, so a token of a known word reuses it
/// instead of allocating a copy. Read only after it is built, so threads share it.
/// </summary>
/// <remarks>
/// The walk is bound by memory latency, not arithmetic: the tables are far larger than the CPU caches, so each
/// probe that misses costs more than everything else done per character. Hence the compact layout: one 64-bit
/// entry per edge holding both its key and its child, the first character looked up in a plain array, and a
/// node's frequency and log probability side by side.
/// </remarks>
internal sealed class WordPrefixTree
{
    /// <summary>The node of the empty prefix, where every walk starts.</summary>
    public const int Root = 0;

    /// <summary>No node: nothing in the vocabulary starts so.</summary>
    public const int None = -1;

    /// <summary>Bits of an edge entry that hold the child; the parent and character sit above them.</summary>
    private const int ChildBits = 24;
    private const ulong ChildMask = (1UL << ChildBits) - 1;

    private readonly NodeData[] _nodes;

    /// <summary>The node of each one-character prefix (<see cref="None"/> when no word starts with it).</summary>
    private readonly int[] _first;

    // The other edges (parent, character) → child, open addressed: an entry is key << 24 | child with
    // key = (parent + 1) << 16 | character, so 0 marks an empty slot and one read gives both key and child.
    private readonly ulong[] _edges;
    private readonly int _shift;

    // The word's string beside its scores: the analyzer asks for it right after the segmenter read the scores.
    private readonly record struct NodeData(double LogProbability, int Frequency, string? Word);

    private WordPrefixTree(NodeData[] nodes, int[] first, ulong[] edges, int shift)
    {
        _nodes = nodes;
        _first = first;
        _edges = edges;
        _shift = shift;
    }

    /// <summary>
    /// Builds the tree of the given words (frequency &gt; 0), which must be distinct and in ordinal order. A node's log
    /// probability is log(max(frequency, 1)) − <paramref name="logTotal"/>, the very expression the segmenter used per
    /// lookup, so the scores, and the paths they choose, do not change.
    /// </summary>
    /// <remarks>
    /// In ordinal order a word shares with the words before it at most the prefix it shares with the one just before,
    /// so the tree grows along one path of nodes and needs no lookup while it is built; a first pass counts the nodes,
    /// so every array is allocated once at its size. (The tree used to be built through a dictionary of its 700k edges:
    /// about 40 MB of large arrays that died at once but stayed in the process, free space the large-object heap
    /// keeps between the tables that live on.)
    /// </remarks>
    public static WordPrefixTree Build(IReadOnlyList<(string Word, int Frequency)> sorted, double logTotal)
    {
        int nodeCount = 1, longest = 0;
        for (int w = 0; w < sorted.Count; w++)
        {
            string word = sorted[w].Word;
            int shared = w == 0 ? 0 : SharedPrefix(sorted[w - 1].Word, word);
            if (w > 0 && string.CompareOrdinal(sorted[w - 1].Word, word) >= 0)
                throw new ArgumentException("The words must be distinct and in ordinal order.", nameof(sorted));
            nodeCount += word.Length - shared;
            longest = Math.Max(longest, word.Length);
        }
        if (nodeCount > (1 << ChildBits))
            throw new InvalidOperationException($"The vocabulary has {nodeCount} prefixes; the prefix tree holds at most {1 << ChildBits}. Use fewer or smaller user lexicons.");

        var nodes = new NodeData[nodeCount];
        nodes.AsSpan().Fill(new NodeData(-logTotal, 0, null)); // log(max(0, 1)) − logTotal: a prefix that is not a word
        var first = new int[char.MaxValue + 1];
        Array.Fill(first, None);
        // At most half full, so a probe sequence stays short (sized by every edge, the root's included, as before).
        int bits = Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)(nodeCount - 1) * 2));
        var table = new ulong[1 << bits];
        int shift = 64 - bits;

        // The nodes along the previous word: path[d] is its prefix of length d.
        var path = new int[longest + 1];
        path[0] = Root;
        int next = 1;
        for (int w = 0; w < sorted.Count; w++)
        {
            var (word, frequency) = sorted[w];
            int shared = w == 0 ? 0 : SharedPrefix(sorted[w - 1].Word, word);
            for (int d = shared; d < word.Length; d++)
            {
                int child = next++;
                int parent = path[d];
                if (parent == Root)
                {
                    first[word[d]] = child;
                }
                else
                {
                    ulong key = (ulong)Key(parent, word[d]);
                    int slot = Slot(key, shift);
                    while (table[slot] != 0)
                        slot = (slot + 1) & (table.Length - 1);
                    table[slot] = (key << ChildBits) | (uint)child;
                }
                path[d + 1] = child;
            }
            if (word.Length > 0)
                nodes[path[word.Length]] = new NodeData(Math.Log(Math.Max(frequency, 1)) - logTotal, frequency, word);
        }
        return new WordPrefixTree(nodes, first, table, shift);
    }

    private static int SharedPrefix(string a, string b) => a.AsSpan().CommonPrefixLength(b);

    /// <summary>The node of the prefix extended by <paramref name="c"/>, or <see cref="None"/>. <paramref name="node"/> must be a node.</summary>
    // Inlined: it is the inner step of every walk, a few instructions around one memory read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Child(int node, char c)
    {
        if (node == Root)
            return _first[c];
        ulong key = (ulong)Key(node, c);
        var edges = _edges;
        int mask = edges.Length - 1;
        for (int slot = Slot(key, _shift); ; slot = (slot + 1) & mask)
        {
            ulong entry = edges[slot];
            if (entry >> ChildBits == key)
                return (int)(entry & ChildMask);
            if (entry == 0)
                return None;
        }
    }

    /// <summary>The node of a whole prefix, or <see cref="None"/>; the empty prefix has none.</summary>
    public int Find(ReadOnlySpan<char> prefix)
    {
        if (prefix.IsEmpty)
            return None;
        int node = _first[prefix[0]];
        for (int i = 1; i < prefix.Length && node != None; i++)
            node = Child(node, prefix[i]);
        return node;
    }

    /// <summary>The word's frequency, 0 for a prefix that is not a word.</summary>
    public int Frequency(int node) => _nodes[node].Frequency;

    /// <summary>log(max(frequency, 1)) − log(total frequency).</summary>
    public double LogProbability(int node) => _nodes[node].LogProbability;

    /// <summary>The word's string, null for a prefix that is not a word.</summary>
    public string? Word(int node) => _nodes[node].Word;

    /// <summary>Number of nodes; node ids run from 0 to this − 1.</summary>
    public int NodeCount => _nodes.Length;

    private static long Key(int node, char c) => ((long)(node + 1) << 16) | c;

    private static int Slot(ulong key, int shift) => (int)(key * 0x9E3779B97F4A7C15UL >> shift);
}
