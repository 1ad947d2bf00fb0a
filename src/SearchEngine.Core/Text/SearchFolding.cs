namespace SearchEngine.Core.Text;

/// <summary>
/// Folds the characters that print differently but mean the same for search: full-width ASCII to half width
/// (２０２５ → 2025, ＡＩ → AI), the ideographic space to a space, Latin to lower case, and the bracket and
/// punctuation variants documents mix (（一） and (一), 〔2021〕 and [2021], ， and ,) to one form each.
/// Display text keeps the characters as printed; search compares folded forms. Folding maps one character to
/// one character, so offsets into folded text are offsets into the display text.
/// </summary>
public static class SearchFolding
{
    public static char Fold(char c)
    {
        if (c is >= '\uff01' and <= '\uff5e')
            c = (char)(c - 0xfee0);
        return c switch
        {
            '\u3000' or '\u00a0' => ' ',
            '〔' or '［' or '【' or '[' or '（' => '(',
            '〕' or '］' or '】' or ']' or '）' => ')',
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '．' => '.',
            '“' or '”' or '＂' => '"',
            '‘' or '’' => '\'',
            _ => char.ToLowerInvariant(c),
        };
    }

    /// <summary>The folded form of a string, of the same length.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
                span[i] = Fold(source[i]);
        });
    }
}
