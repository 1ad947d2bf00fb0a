namespace SearchEngine.Core.Analysis;

/// <summary>
/// Strings of two-character terms the vocabulary does not hold (the bigrams inside long words, two-character
/// words the HMM found), so that a bigram repeated across documents is mostly one string rather than one per
/// occurrence. Direct mapped, one string per slot, a newer term replacing an older one: a hit is one array read
/// and two character compares, cheaper than hashing a string into a dictionary, which made the analyzer slower
/// than allocating. Per thread (through <see cref="AnalysisScratch"/>), so no locking.
/// </summary>
internal sealed class TermCache
{
    private const int SlotBits = 14;

    private readonly string?[] _bigrams = new string?[1 << SlotBits];

    /// <summary>The string of the two characters, from the cache when it holds them.</summary>
    public string Bigram(ReadOnlySpan<char> term)
    {
        char first = term[0], second = term[1];
        int slot = (int)((uint)((first << 16) | second) * 0x9E3779B1u >> (32 - SlotBits));
        var known = _bigrams[slot];
        if (known is not null && known[0] == first && known[1] == second)
            return known;
        string created = term.ToString();
        _bigrams[slot] = created;
        return created;
    }
}
