using System.Globalization;
using System.Text;

namespace SearchEngine.Web.Export;

/// <summary>
/// The name a download is saved under: a Chinese prefix, the query and the day, such as 检索结果-氢能-2026-12-03.csv.
/// The query is the user's text, so it is cut to <see cref="MaxQueryCharacters"/> and stripped of what a file system
/// or a header trips on (path separators, <c>:*?"&lt;&gt;|</c>, control characters; spaces become <c>_</c>). The
/// response gives the name as <c>filename*=UTF-8''…</c>, with an ASCII fallback for old clients.
/// </summary>
internal static class DownloadName
{
    public const int MaxQueryCharacters = 40;

    public static string For(string prefix, string? query, DateOnly day, string extension)
    {
        var name = new StringBuilder(prefix);
        string words = Clean(query ?? "");
        if (words.Length > 0)
            name.Append('-').Append(words);
        return name.Append('-').Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('.').Append(extension).ToString();
    }

    private static string Clean(string query)
    {
        var clean = new StringBuilder();
        foreach (char c in query)
        {
            if (char.IsWhiteSpace(c) || c is '_')
            {
                if (clean.Length > 0 && clean[^1] != '_')
                    clean.Append('_');
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '%' or ';'))
            {
                clean.Append(c);
            }
            if (clean.Length >= MaxQueryCharacters)
                break;
        }
        // no leading dots (a hidden file) nor trailing dots and underscores
        return clean.ToString().TrimStart('.').TrimEnd('.', '_');
    }
}
