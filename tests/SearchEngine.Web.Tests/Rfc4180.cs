using System.Text;

namespace SearchEngine.Web.Tests;

/// <summary>
/// A strict RFC 4180 reader for the tests, independent of the server's writer: records end in CRLF, a field in
/// double quotes may hold commas, CR, LF and doubled quotes; a quote inside an unquoted field, or a lone LF ending a
/// record, is an error (the writer must not produce them).
/// </summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                // a quoted field, up to the quote not followed by another
                for (i++; ; i++)
                {
                    if (i >= text.Length)
                        throw new FormatException("A quoted field is not closed.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i++;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i]);
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                    throw new FormatException($"Text after a closing quote at {i}.");
                continue;
            }
            switch (text[i])
            {
                case ',':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    record.Add(field.ToString());
                    field.Clear();
                    records.Add(record);
                    record = [];
                    i += 2;
                    break;
                case '\r' or '\n':
                    throw new FormatException($"A bare CR or LF at {i} outside quotes.");
                case '"':
                    throw new FormatException($"A quote inside an unquoted field at {i}.");
                default:
                    field.Append(text[i++]);
                    break;
            }
        }
        if (field.Length > 0 || record.Count > 0)
            throw new FormatException("The last record does not end in CRLF.");
        return records;
    }
}
