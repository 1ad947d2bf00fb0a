using System.Text;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// The text of an RTF document: what government sites often publish under a .doc name (WPS and Word save it so).
/// Paragraph and row ends become line breaks, cells and tabs a tab; font tables, styles, pictures, fields' codes,
/// headers and footers and other destinations are skipped. Chinese arrives as \uN escapes or as \'hh bytes in the
/// code page of the current font (\fcharset134 = GBK) or of the document (\ansicpg936); both are decoded.
/// \title and \author in the info group become properties. One pass over the bytes, groups nested at most
/// <see cref="MaxDepth"/> deep.
/// </summary>
internal static class RtfText
{
    /// <summary>Deepest group nesting read; real documents stay under a few dozen.</summary>
    public const int MaxDepth = 1000;

    private static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "colortbl", "stylesheet", "pict", "object", "objdata", "header", "headerl", "headerr", "headerf", "footer",
        "footerl", "footerr", "footerf", "fldinst", "datastore", "themedata", "colorschememapping", "latentstyles",
        "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "mmathPr", "pgdsctbl", "revtbl",
        "filetbl", "bkmkstart", "bkmkend", "nonshppict", "sp", "template", "userprops", "docvar", "xmlopen",
    };

    static RtfText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private struct Group
    {
        public bool Skip;
        public string? Destination;
        public int UnicodeSkip;
        public int Font;
    }

    public static ReadResult Read(byte[] bytes)
    {
        var text = new StringBuilder();
        var title = new StringBuilder();
        var author = new StringBuilder();
        var pending = new List<byte>();
        var fontCodePages = new Dictionary<int, int>();
        int documentCodePage = 1252, tableFont = -1, skipChars = 0;
        var stack = new Stack<Group>();
        var group = new Group { UnicodeSkip = 1, Font = -1 };

        StringBuilder? Target()
        {
            if (group.Skip)
                return null;
            return group.Destination switch
            {
                "title" => title,
                "author" => author,
                "info" or "fonttbl" or "subject" or "keywords" or "comment" or "operator" or "company" or "doccomm" => null,
                _ => text,
            };
        }

        void Flush()
        {
            if (pending.Count == 0)
                return;
            int codePage = fontCodePages.TryGetValue(group.Font, out int cp) ? cp : documentCodePage;
            Target()?.Append(Decode(codePage, pending));
            pending.Clear();
        }

        void Append(string s)
        {
            Flush();
            Target()?.Append(s);
        }

        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b == '{')
            {
                Flush();
                if (stack.Count >= MaxDepth)
                    return ReadResult.Fail($"the RTF nests groups more than {MaxDepth} deep; it was not read");
                stack.Push(group);
                i++;
            }
            else if (b == '}')
            {
                Flush();
                if (stack.Count > 0)
                    group = stack.Pop();
                i++;
            }
            else if (b == '\\' && i + 1 < bytes.Length)
            {
                byte next = bytes[i + 1];
                if (IsAsciiLetter(next))
                {
                    int start = i + 1, end = start;
                    while (end < bytes.Length && end - start < 32 && IsAsciiLetter(bytes[end]))
                        end++;
                    string word = Encoding.ASCII.GetString(bytes, start, end - start);
                    int? parameter = null;
                    int numberStart = end;
                    if (end < bytes.Length && bytes[end] == '-')
                        end++;
                    while (end < bytes.Length && end - numberStart < 11 && bytes[end] is >= (byte)'0' and <= (byte)'9')
                        end++;
                    if (end > numberStart && int.TryParse(Encoding.ASCII.GetString(bytes, numberStart, end - numberStart), out int value))
                        parameter = value;
                    else
                        end = numberStart;
                    if (end < bytes.Length && bytes[end] == ' ')
                        end++;
                    i = end;
                    Flush();
                    switch (word)
                    {
                        case "par" or "line" or "sect" or "page" or "row":
                            Append("\n");
                            break;
                        case "tab" or "cell" or "nestcell":
                            Append("\t");
                            break;
                        case "u" when parameter is { } code:
                            Append(((char)(code < 0 ? code + 65536 : code)).ToString());
                            skipChars = group.UnicodeSkip;
                            break;
                        case "uc":
                            group.UnicodeSkip = Math.Clamp(parameter ?? 1, 0, 10);
                            break;
                        case "ansicpg" when parameter is > 0:
                            documentCodePage = parameter.Value;
                            break;
                        case "f" when group.Destination == "fonttbl":
                            tableFont = parameter ?? -1;
                            break;
                        case "f":
                            group.Font = parameter ?? -1;
                            break;
                        case "fcharset" when group.Destination == "fonttbl" && CodePageOf(parameter ?? 0) is int charsetPage:
                            fontCodePages[tableFont] = charsetPage;
                            break;
                        case "emdash": Append("—"); break;
                        case "endash": Append("–"); break;
                        case "lquote": Append("‘"); break;
                        case "rquote": Append("’"); break;
                        case "ldblquote": Append("“"); break;
                        case "rdblquote": Append("”"); break;
                        case "bullet": Append("•"); break;
                        case "bin" when parameter is > 0:
                            i = (int)Math.Min(bytes.Length, (long)i + parameter.Value);
                            break;
                        case "fonttbl" or "info" or "title" or "author" or "subject" or "keywords" or "comment" or "operator" or "company" or "doccomm":
                            group.Destination = word;
                            break;
                        default:
                            if (SkippedDestinations.Contains(word))
                                group.Skip = true;
                            break;
                    }
                }
                else
                {
                    i += 2;
                    switch ((char)next)
                    {
                        case '\'' when i + 1 < bytes.Length:
                            if (TryHex(bytes[i], bytes[i + 1], out byte raw))
                            {
                                if (skipChars > 0)
                                    skipChars--;
                                else
                                    pending.Add(raw);
                            }
                            i += 2;
                            break;
                        case '*':
                            group.Skip = true; // an ignorable destination this reader does not know
                            break;
                        case '\\' or '{' or '}':
                            Append(((char)next).ToString());
                            break;
                        case '~':
                            Append("\u00A0");
                            break;
                        case '_':
                            Append("-");
                            break;
                        case '\r' or '\n':
                            Append("\n");
                            break;
                    }
                }
            }
            else
            {
                i++;
                if (b is (byte)'\r' or (byte)'\n' or 0)
                    continue;
                if (skipChars > 0)
                    skipChars--;
                else
                    pending.Add(b);
            }
        }
        Flush();
        var lines = text.ToString().Split('\n').Select(l => l.Trim(' ', '\t')).Where(l => l.Length > 0);
        string body = string.Join('\n', lines);
        if (body.Length == 0)
            return ReadResult.Fail("the RTF document holds no text");
        var properties = new Dictionary<string, string>();
        if (title.ToString().Trim() is { Length: > 0 } declared)
            properties[SourceProperties.Title] = declared;
        if (author.ToString().Trim() is { Length: > 0 } writer)
            properties[SourceProperties.Author] = writer;
        return ReadResult.Ok(body, properties);
    }

    /// <summary>The Windows code page of an RTF \fcharset; null for symbol fonts and unknown sets.</summary>
    private static int? CodePageOf(int charset) => charset switch
    {
        0 => 1252,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => null,
    };

    private static string Decode(int codePage, List<byte> bytes)
    {
        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            encoding = Encoding.GetEncoding(1252);
        }
        return encoding.GetString([.. bytes]);
    }

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    private static bool TryHex(byte high, byte low, out byte value)
    {
        value = 0;
        int h = HexValue(high), l = HexValue(low);
        if (h < 0 || l < 0)
            return false;
        value = (byte)(h * 16 + l);
        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
