using Microsoft.AspNetCore.Http;

namespace SearchEngine.Web.Localization;

/// <summary>Puts a problem's title and detail in Chinese when the request prefers it (see <see cref="ChineseMessages"/>).</summary>
internal static class ProblemLanguage
{
    public static void Apply(ProblemDetailsContext context)
    {
        if (!PreferredLanguage.PrefersChinese(context.HttpContext.Request))
            return;
        var problem = context.ProblemDetails;
        if (problem.Title is { } title)
            problem.Title = ChineseMessages.Title(title);
        if (problem.Detail is { } detail)
            problem.Detail = ChineseMessages.Sentence(detail);
        context.HttpContext.Response.Headers.ContentLanguage = "zh-CN";
    }

    /// <summary>The warnings of a search in the request's language.</summary>
    public static IReadOnlyList<string> Warnings(HttpRequest request, IReadOnlyList<string> warnings) =>
        PreferredLanguage.PrefersChinese(request) ? [.. warnings.Select(ChineseMessages.Sentence)] : warnings;
}
