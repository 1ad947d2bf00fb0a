using System.Globalization;
using SearchEngine.Core.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// 词典 — the vocabulary: words with frequencies: jieba's dict.txt (349k words, MIT), the team's policy lexicon and any user
/// lexicons. Every prefix of a word is present too (frequency 0) so the segmenter can stop walking as soon as no
/// word continues; lookups take a span, so walking allocates nothing. Held as a <see cref="WordPrefixTree"/>,
/// which the segmenter and the analyzer walk directly.
/// </summary>
public sealed class Vocabulary
{
    /// <summary>
    /// Frequency given to lexicon terms: high enough that a curated term beats any split of it (氢能, not 氢|能),
    /// low enough not to outrank the commonest function words.
    /// </summary>
    public const int LexiconFrequency = 300_000;

    // The words as read, duplicates included, while loading; Load sorts them into the tree and drops them. One
    // array sized for the embedded dictionaries: what a load leaves behind is garbage in the large-object heap.
    private List<(string Word, int Frequency)>? _read = new(400_000);

    private Vocabulary()
    {
    }

    /// <summary>The words as a prefix tree, with their log probabilities; set once loading is done.</summary>
    internal WordPrefixTree Tree { get; private set; } = null!;

    /// <summary>Natural log of the sum of all frequencies; a word's log probability is log(freq) − this.</summary>
    public double LogTotal { get; private set; }

    /// <summary>Number of words (prefixes that are not words excluded).</summary>
    public int WordCount { get; private set; }

    /// <summary>The longest word, in characters.</summary>
    public int MaxWordLength { get; private set; }

    /// <summary>Loads the embedded general dictionary and policy lexicon, then the given user lexicon files.</summary>
    public static Vocabulary Load(IEnumerable<string>? userLexicons = null)
    {
        var dictionary = new Vocabulary();
        using (var reader = DataFile.Open("jieba-dict.txt", "Analysis.Data"))
            dictionary.AddWords(reader, defaultFrequency: 1, source: "jieba-dict.txt");
        using (var reader = DataFile.Open("policy-lexicon.txt", "Analysis.Data"))
            dictionary.AddWords(reader, defaultFrequency: LexiconFrequency, source: "policy-lexicon.txt");
        foreach (var path in userLexicons ?? [])
        {
            using var reader = new StreamReader(path);
            dictionary.AddWords(reader, defaultFrequency: LexiconFrequency, source: path);
        }
        var words = dictionary.Distinct();
        long total = 0;
        foreach (var (_, frequency) in words)
            total += frequency;
        dictionary.WordCount = words.Count;
        dictionary.LogTotal = Math.Log(total);
        dictionary.Tree = WordPrefixTree.Build(words, dictionary.LogTotal);
        dictionary._read = null;
        return dictionary;
    }

    /// <summary>The frequency of a word, 0 for a prefix that is not a word, -1 when nothing starts so.</summary>
    public int Frequency(ReadOnlySpan<char> word) => Tree.Find(word) is var node and not WordPrefixTree.None ? Tree.Frequency(node) : -1;

    /// <summary>True when the span is a word (not only a prefix of one).</summary>
    public bool Contains(ReadOnlySpan<char> word) => Frequency(word) > 0;

    /// <summary>
    /// Reads lines "word [frequency] [tag]" (space or tab separated; # comments). A line without a frequency gets
    /// <paramref name="defaultFrequency"/>; a word already present keeps the larger frequency. Words are normalised
    /// like analysed text (lower case, simplified, half width) so they match what the segmenter sees.
    /// </summary>
    private void AddWords(TextReader reader, int defaultFrequency, string source)
    {
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#')
                continue;
            int split = span.IndexOfAny(' ', '\t');
            var word = split < 0 ? span : span[..split];
            int frequency = defaultFrequency;
            if (split >= 0)
            {
                var rest = span[(split + 1)..].TrimStart();
                int end = rest.IndexOfAny(' ', '\t');
                var number = end < 0 ? rest : rest[..end];
                if (number.Length > 0 && char.IsAsciiDigit(number[0]) && !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out frequency))
                    throw new InvalidDataException($"{source}:{lineNumber}: '{number}' is not a frequency; lines are 'word [frequency] [tag]'.");
                if (number.Length == 0 || !char.IsAsciiDigit(number[0]))
                    frequency = defaultFrequency;
            }
            Add(Normalize(word), frequency);
        }
    }

    private void Add(string word, int frequency)
    {
        if (word.Length == 0 || frequency <= 0)
            return;
        _read!.Add((word, frequency));
        MaxWordLength = Math.Max(MaxWordLength, word.Length);
    }

    /// <summary>The words read, in ordinal order, each once with the largest frequency it was given.</summary>
    private List<(string Word, int Frequency)> Distinct()
    {
        var read = _read!;
        read.Sort((a, b) => string.CompareOrdinal(a.Word, b.Word));
        int kept = 0;
        for (int i = 0; i < read.Count; i++)
        {
            if (kept > 0 && read[kept - 1].Word == read[i].Word)
                read[kept - 1] = (read[i].Word, Math.Max(read[kept - 1].Frequency, read[i].Frequency));
            else
                read[kept++] = read[i];
        }
        read.RemoveRange(kept, read.Count - kept);
        return read;
    }

    /// <summary>Most dictionary words are already normal (simplified Han, lower-case ASCII): skip the full pass for them.</summary>
    private static string Normalize(ReadOnlySpan<char> word)
    {
        var converter = TraditionalToSimplified.Default;
        foreach (char c in word)
        {
            bool plain = (c is >= '\u4e00' and <= '\u9fff' && !converter.IsTraditional(c)) || (c < 0x80 && c is not (>= 'A' and <= 'Z'));
            if (!plain)
                return NormalizedText.Of(word.ToString());
        }
        return word.ToString();
    }
}
