namespace SearchEngine.Core.Regions;

/// <summary>
/// A character trie over region names that finds the longest name starting at a position. Names are at most a
/// dozen or so characters, so scanning a text position by position stays linear in its length.
/// </summary>
internal sealed class RegionNameTrie
{
    private const int Root = 0;

    // Children of the root by character: most positions of a text start no name, and this answers them
    // with one array read instead of a hash lookup.
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];
    private readonly Dictionary<long, int> _children = [];
    private readonly List<int> _values = [-1];

    public RegionNameTrie() => Array.Fill(_rootChildren, -1);

    /// <summary>Adds a name with its value (a non-negative number the caller defines); the last value added wins.</summary>
    public void Add(string name, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        int node = Root;
        foreach (char c in name)
        {
            if (!TryStep(node, c, out int next))
            {
                next = _values.Count;
                _values.Add(-1);
                if (node == Root)
                    _rootChildren[c] = next;
                else
                    _children[Key(node, c)] = next;
            }
            node = next;
        }
        _values[node] = value;
    }

    /// <summary>The longest name starting at <paramref name="start"/>: its length and value, or length 0.</summary>
    public (int Length, int Value) LongestAt(string text, int start)
    {
        int node = Root, length = 0, value = -1;
        for (int i = start; i < text.Length && TryStep(node, text[i], out node); i++)
        {
            if (_values[node] >= 0)
                (length, value) = (i - start + 1, _values[node]);
        }
        return (length, value);
    }

    private bool TryStep(int node, char c, out int next)
    {
        if (node == Root)
        {
            next = _rootChildren[c];
            return next >= 0;
        }
        return _children.TryGetValue(Key(node, c), out next);
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;
}
