using Microsoft.Net.Http.Headers;

namespace SearchEngine.Web.Localization;

/// <summary>Whether a request's Accept-Language ranks Chinese above English (zh, zh-CN, zh-Hans … before en).</summary>
internal static class PreferredLanguage
{
    public static bool PrefersChinese(HttpRequest request)
    {
        var header = request.GetTypedHeaders().AcceptLanguage;
        if (header is null || header.Count == 0)
            return false;
        double Best(string language) => header
            .Where(h => h.Value.Value is { } v && (v.Equals(language, StringComparison.OrdinalIgnoreCase) || v.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase)))
            .Select(h => h.Quality ?? 1.0).DefaultIfEmpty(0).Max();
        double chinese = Best("zh"), english = Best("en");
        return chinese > 0 && chinese >= english;
    }
}
