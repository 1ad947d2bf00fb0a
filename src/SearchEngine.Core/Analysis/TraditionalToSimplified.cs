using SearchEngine.Core.Text;

namespace SearchEngine.Core.Analysis;

/// <summary>
/// 繁简转换 — traditional to simplified characters and phrases from OpenCC's TSCharacters and TSPhrases
/// (Apache-2.0, see THIRD-PARTY-NOTICES.md). Only conversions that keep the length are used, so every
/// character of the result still maps to one original character.
/// </summary>
internal sealed class TraditionalToSimplified
{
    /// <summary>Every character's simplified form, '\0' when it has none: normalisation asks for each character of every text.</summary>
    private readonly char[] _simplified = new char[char.MaxValue + 1];
    private readonly Dictionary<string, string> _phrases = [];
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly int _longestPhrase;

    public static TraditionalToSimplified Default { get; } = new();

    private TraditionalToSimplified()
    {
        foreach (var line in DataFile.ReadLines("opencc-ts-characters.txt", "Analysis.Data"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[0].Length == 1 && parts[1].Split(' ')[0] is { Length: 1 } target && target[0] != parts[0][0])
                _simplified[parts[0][0]] = target[0];
        }
        foreach (var line in DataFile.ReadLines("opencc-ts-phrases.txt", "Analysis.Data"))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && parts[1].Split(' ')[0] is { } target && target.Length == parts[0].Length)
            {
                _phrases[parts[0]] = target;
                _longestPhrase = Math.Max(_longestPhrase, target.Length);
            }
        }
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>True when the character has a simplified form different from itself.</summary>
    public bool IsTraditional(char c) => _simplified[c] != '\0';

    /// <summary>Converts in place. Phrases first (where one character converts differently in context), then characters.</summary>
    public void Convert(Span<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char simplified = _simplified[text[i]];
            if (simplified == '\0')
                continue;
            if (TryPhrase(text, i, out int length))
            {
                i += length - 1;
                continue;
            }
            text[i] = simplified;
        }
    }

    private bool TryPhrase(Span<char> text, int start, out int length)
    {
        for (length = Math.Min(_longestPhrase, text.Length - start); length >= 2; length--)
        {
            // Looked up by span: a string per candidate cost 700 bytes per traditional character of the text.
            if (_phraseLookup.TryGetValue(text.Slice(start, length), out var target))
            {
                target.AsSpan().CopyTo(text.Slice(start, length));
                return true;
            }
        }
        length = 0;
        return false;
    }
}
