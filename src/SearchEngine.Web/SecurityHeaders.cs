namespace SearchEngine.Web;

/// <summary>
/// Headers on every response: a Content-Security-Policy that allows only our own scripts (no inline script, no
/// eval), frames only from ourselves and the configured intranet origins, no MIME sniffing, no referrer leaks.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// Registers the headers as the outermost middleware, ahead of what the host adds before the app's own pipeline
    /// (host filtering answers a wrong Host with a 400 there): every response carries them, refusals included.
    /// </summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, WebOptions options)
    {
        services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new Outermost(options)));
        return services;
    }

    private sealed class Outermost(WebOptions options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSecurityHeaders(options);
            next(app);
        };
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, WebOptions options)
    {
        string frameAncestors = string.Join(' ', ["'self'", .. options.CorsOrigins]);
        string policy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                        $"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {frameAncestors}";
        return app.Use((context, next) =>
        {
            // Set as the response starts, not before the request runs: the exception handler clears the headers of a
            // failed response before it writes the 500, and a 500 needs them as much as any other page.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    headers.ContentSecurityPolicy = policy; // an endpoint may set a stricter one (the original file's sandbox)
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
