using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;

namespace SearchEngine.Web;

/// <summary>
/// Requests per minute per client address, for the API only: the page's own files (HTML, script, styles) are not
/// counted, so a reader who opens the page twenty times is not locked out of searching. Behind configured proxies the
/// client address is the forwarded one. A refusal is a problem document saying when to come back.
/// </summary>
internal static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, WebOptions options) =>
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = async (context, cancel) =>
            {
                // A client told when to come back need not guess (and retry at once): the seconds until its window reopens.
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    $"Too many requests from this address; try again in {seconds} seconds. 请求过于频繁，请 {seconds} 秒后再试。",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests")
                    .ExecuteAsync(context.HttpContext);
            };
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsCounted(context.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.RequestsPerMinute), Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter(""));
            r.AddCostlyPolicies(options);
        });

    /// <summary>Takes the client address from X-Forwarded-For when, and only when, the request comes from a configured proxy.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app, WebOptions options)
    {
        if (options.TrustedProxies.Length == 0)
            return app;
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownIPNetworks.Clear(); // not the framework's default of trusting loopback: only what is configured
        forwarded.KnownProxies.Clear();
        foreach (var proxy in options.TrustedProxies)
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        return app.UseForwardedHeaders(forwarded);
    }

    /// <summary>The API, the health check and the OpenAPI document are counted; static files are not.</summary>
    private static bool IsCounted(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");
}
