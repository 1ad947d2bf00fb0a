using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Text;

/// <summary>
/// Markers printed as one enclosed character, as Word and older typesetting produce them: ㈠…㈩ (parenthesised
/// ideographs) for the （一） level, ⑴…⒇ (parenthesised digits) for （1）, ⒈…⒛ (digits with a full stop) for 1.
/// Circled digits ①②… are not read: official documents use them for enumerations inside a sentence and for
/// notes under tables, not as an outline level, so at the start of a line they stay text.
/// </summary>
internal static class EnclosedNumeralReader
{
    public static bool TryRead(string text, int pos, out OutlineMarker marker)
    {
        marker = default;
        char c = text[pos];
        (HeadingLevel level, int number) = c switch
        {
            >= '\u3220' and <= '\u3229' => (HeadingLevel.Chapter, c - '\u3220' + 1),
            >= '\u2474' and <= '\u2487' => (HeadingLevel.SubItem, c - '\u2474' + 1),
            >= '\u2488' and <= '\u249b' => (HeadingLevel.Item, c - '\u2488' + 1),
            _ => (HeadingLevel.Preamble, 0),
        };
        if (number == 0)
            return false;
        int length = 1;
        // "㈠、" and "⑴ " print a separator some editors add after the enclosed numeral.
        if (pos + 1 < text.Length && text[pos + 1] is '、' or '.' or '．')
            length++;
        marker = new OutlineMarker(level, number, length);
        return true;
    }
}
