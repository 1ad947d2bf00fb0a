using SearchEngine.Core.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// 同义词 — synonyms and abbreviations for query expansion (Data/synonyms.txt): "a = b = c" makes the terms
/// interchangeable (信创 = 信息技术应用创新); "a ~ b" makes b a weaker match for a (集成电路 ~ 芯片). Keys are
/// normalised like analysed text, so ＡＩ, AI and ai find the same entry.
/// </summary>
public sealed class SynonymMap
{
    /// <summary>Weight of a related (~) term relative to the query's own term.</summary>
    public const double RelatedWeight = 0.5;

    private readonly Dictionary<string, List<Synonym>> _entries = new(StringComparer.Ordinal);

    public static SynonymMap Default { get; } = Parse(DataFile.ReadLines("synonyms.txt", "Analysis.Data"));

    /// <summary>No synonyms: a query matches its literal words only (expansion turned off).</summary>
    public static SynonymMap Empty { get; } = new();

    /// <summary>Parses synonym lines; a line that is neither form is a data error named with its content.</summary>
    public static SynonymMap Parse(IEnumerable<string> lines)
    {
        var map = new SynonymMap();
        foreach (var line in lines)
        {
            if (line.Contains('=', StringComparison.Ordinal))
            {
                var terms = line.Split('=', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                foreach (var a in terms)
                {
                    foreach (var b in terms.Where(t => t != a))
                        map.Add(a, new Synonym(b, 1.0));
                }
            }
            else if (line.Contains('~', StringComparison.Ordinal))
            {
                var parts = line.Split('~', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                    throw new InvalidDataException($"synonyms.txt: '{line}' must be 'a ~ b' (one related pair per line).");
                foreach (var related in parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    map.Add(parts[0], new Synonym(related, RelatedWeight));
            }
            else
            {
                throw new InvalidDataException($"synonyms.txt: '{line}' is neither 'a = b' nor 'a ~ b'.");
            }
        }
        return map;
    }

    /// <summary>The alternatives for a query term (normalised), strongest first; empty when there are none.</summary>
    public IReadOnlyList<Synonym> Lookup(string term) =>
        _entries.TryGetValue(Key(term), out var list) ? list : [];

    private void Add(string term, Synonym synonym)
    {
        string key = Key(term);
        if (!_entries.TryGetValue(key, out var list))
            _entries[key] = list = [];
        if (!list.Exists(s => s.Term == synonym.Term))
        {
            list.Add(synonym);
            list.Sort((x, y) => y.Weight.CompareTo(x.Weight));
        }
    }

    private static string Key(string term) => NormalizedText.Of(term.Trim());
}

/// <summary>An alternative for a query term.</summary>
/// <param name="Term">The alternative as written in the data file; analyse it like any query text.</param>
/// <param name="Weight">1 for an equivalent, <see cref="SynonymMap.RelatedWeight"/> for a related term.</param>
public sealed record Synonym(string Term, double Weight);
