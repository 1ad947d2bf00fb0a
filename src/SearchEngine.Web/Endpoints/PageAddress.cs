namespace SearchEngine.Web.Endpoints;

/// <summary>
/// The search page's absolute address as the client reached the server — scheme, host and path base, behind a
/// trusted proxy its forwarded scheme — for the links a feed or an export carries out of the browser, where a
/// relative link means nothing.
/// </summary>
internal static class PageAddress
{
    /// <summary>The page's folder, ending in <c>/</c>: <c>https://search.example/policy/</c>.</summary>
    public static Uri Of(HttpRequest request) => new($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");

    /// <summary>
    /// The host name for <c>tag:</c> ids: the name without its port (a tag's authority is a domain name), lower case,
    /// so the same server names the same document the same way however the port is reached.
    /// </summary>
    public static string TagAuthority(HttpRequest request) => request.Host.Host.ToLowerInvariant();
}
