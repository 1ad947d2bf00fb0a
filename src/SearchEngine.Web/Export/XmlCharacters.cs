using System.Text;
using System.Xml;

namespace SearchEngine.Web.Export;

/// <summary>
/// Text made safe for an XML document (the Atom feed, the worksheet of an .xlsx): XML 1.0 has no way to write most
/// control characters (U+0000–U+001F but tab, LF and CR; U+FFFE, U+FFFF) nor a lone surrogate, and
/// <see cref="XmlWriter"/> throws on them. A document's text may hold any of them (a scraped page, a hostile
/// upload), so they are dropped here rather than failing the whole feed or export.
/// </summary>
internal static class XmlCharacters
{
    /// <summary>The text without the characters XML cannot hold; the same instance when it has none.</summary>
    public static string Clean(string text)
    {
        int first = FirstInvalid(text);
        if (first < 0)
            return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }
        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
                continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
