using SearchEngine.Core.Text;

namespace SearchEngine.Core.Industries;

/// <summary>
/// Classifies a section into industries of the taxonomy in Data/industries.txt, preferring precision:
/// an industry is assigned when its keywords are in the section's own heading, or when the body names it
/// at least twice and it is among the section's main subjects (at least a third of the strongest industry's
/// count). A single mention in an enumeration (…生物、新材料、…) is not enough.
/// </summary>
public sealed class IndustryClassifier
{
    private const int MinBodyMentions = 2;
    private readonly List<(string Industry, string Group, string[] Keywords)> _taxonomy = [];

    public static IndustryClassifier Default { get; } = new();

    public IndustryClassifier()
    {
        foreach (var line in DataFile.ReadLines("industries.txt"))
        {
            var parts = line.Split('\t');
            if (parts.Length != 3)
                throw new InvalidDataException($"industries.txt: '{line}' is not industry<TAB>group<TAB>keyword|keyword….");
            _taxonomy.Add((parts[0], parts[1], parts[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
    }

    /// <summary>The industries of the taxonomy, in file order.</summary>
    public IEnumerable<string> Industries => _taxonomy.Select(t => t.Industry).Distinct();

    /// <summary>The industries of a section given its own heading and its body, strongest first.</summary>
    public IReadOnlyList<string> Classify(string heading, string body)
    {
        var scores = new List<(string Industry, bool InHeading, int Mentions)>();
        foreach (var (industry, _, keywords) in _taxonomy)
        {
            bool inHeading = keywords.Any(k => heading.Contains(k, StringComparison.Ordinal));
            int mentions = CountMentions(body, keywords);
            if (inHeading || mentions > 0)
                scores.Add((industry, inHeading, mentions));
        }
        if (scores.Count == 0)
            return [];
        int strongest = scores.Max(s => s.Mentions);
        return [.. scores
            .Where(s => s.InHeading || (s.Mentions >= MinBodyMentions && s.Mentions * 3 >= strongest))
            .OrderByDescending(s => s.InHeading).ThenByDescending(s => s.Mentions)
            .Select(s => s.Industry)
            .Distinct()];
    }

    /// <summary>Occurrences of any keyword, counting overlapping keywords (燃料电池 inside 氢燃料电池) once.</summary>
    private static int CountMentions(string body, string[] keywords)
    {
        var covered = new HashSet<int>();
        int count = 0;
        foreach (var keyword in keywords.OrderByDescending(k => k.Length))
        {
            for (int at = body.IndexOf(keyword, StringComparison.Ordinal); at >= 0; at = body.IndexOf(keyword, at + keyword.Length, StringComparison.Ordinal))
            {
                if (covered.Add(at))
                {
                    count++;
                    for (int i = at; i < at + keyword.Length; i++)
                        covered.Add(i);
                }
            }
        }
        return count;
    }
}
