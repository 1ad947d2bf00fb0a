using System.Text;

namespace SearchEngine.Web.Export;

/// <summary>
/// CSV as RFC 4180 writes it and as a spreadsheet opens it: UTF-8 with a byte order mark (without one Excel reads
/// the file in the machine's code page, and Chinese turns to mojibake), lines ending in CRLF, a field in double
/// quotes (its quotes doubled) when it holds a comma, a quote, a CR or an LF. Formula injection (CSV injection) is
/// defended: a field a spreadsheet would evaluate — one beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab
/// or a CR — is written with a leading <c>'</c>, so a document titled <c>=HYPERLINK(…)</c> stays text.
/// </summary>
internal static class CsvFormat
{
    /// <summary>The media type, with the charset a client needs since the body is not ASCII.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    public const string MediaType = "text/csv";

    /// <summary>UTF-8 that writes its byte order mark first.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly char[] NeedsQuotes = [',', '"', '\r', '\n'];

    /// <summary>One record: the fields, separated by commas, ending in CRLF.</summary>
    public static string Line(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        bool first = true;
        foreach (var field in fields)
        {
            if (!first)
                line.Append(',');
            first = false;
            line.Append(Field(field));
        }
        return line.Append("\r\n").ToString();
    }

    /// <summary>One field as written: defended against formulas, then quoted if it must be; null is empty.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny(NeedsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
