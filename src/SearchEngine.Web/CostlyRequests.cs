using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchEngine.Web;

/// <summary>
/// A second, stricter budget per client address for the requests whose cost grows with the index or the document
/// (the global limit counts requests, not their cost): the facet lists and the trend run over every matching
/// section, the document view with <c>q</c> analyses the text it highlights, and an export pages through a whole
/// search.
/// </summary>
internal static class CostlyRequests
{
    /// <summary>Every request to the endpoint counts.</summary>
    public const string Policy = "costly";

    /// <summary>Only a request with a non-empty <c>q</c> counts: without one the endpoint's work is cheap.</summary>
    public const string WithQueryPolicy = "costly-with-query";

    /// <summary>
    /// Exports (<c>/api/export</c>): a budget of their own, <see cref="WebOptions.ExportsPerMinute"/>, since one export
    /// pages through up to <see cref="WebOptions.MaxExportRows"/> hits, the work of dozens of searches.
    /// </summary>
    public const string ExportPolicy = "export";

    public static void AddCostlyPolicies(this RateLimiterOptions r, WebOptions options)
    {
        r.AddPolicy(Policy, context => Limit(context, "", options.CostlyRequestsPerMinute));
        r.AddPolicy(WithQueryPolicy, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
            ? RateLimitPartition.GetNoLimiter("")
            : Limit(context, "q:", options.CostlyRequestsPerMinute));
        r.AddPolicy(ExportPolicy, context => Limit(context, "export:", options.ExportsPerMinute));
    }

    private static RateLimitPartition<string> Limit(HttpContext context, string prefix, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            prefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1) });
}
