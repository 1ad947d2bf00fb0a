using SearchEngine.Core.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// 停用词 — function words dropped from both index and query (Data/stopwords.txt). The list is conservative:
/// 不, 非, 无 and the words policy is made of (发展, 建设) stay searchable. A dropped word still occupies its
/// position, so a phrase cannot jump over it.
/// </summary>
internal sealed class StopWords
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public static StopWords Default { get; } = new(DataFile.ReadLines("stopwords.txt", "Analysis.Data"));

    public StopWords(IEnumerable<string> words)
    {
        _words = new HashSet<string>(words.Select(w => w.Trim()).Where(w => w.Length > 0), StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    /// <summary>The stop words.</summary>
    public IReadOnlyCollection<string> Words => _words;
}
