using System.Text;

namespace SearchEngine.Core.Text;

/// <summary>
/// Normalises line endings to '\n' and removes characters that have no visible form: the BOM, zero-width
/// spaces and joiners, soft hyphens, and control characters other than newline and tab. Form feeds (PDF page
/// breaks) become newlines.
/// </summary>
internal static class InvisibleCharacters
{
    public static string Remove(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < raw.Length && raw[i + 1] == '\n')
                        i++;
                    break;
                case '\f' or '\v' or '\u2028' or '\u2029' or '\u0085':
                    sb.Append('\n');
                    break;
                case '\n' or '\t':
                    sb.Append(c);
                    break;
                case '\ufeff' or '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\u00ad' or '\ufffe':
                    break;
                default:
                    if (!char.IsControl(c))
                        sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }
}
