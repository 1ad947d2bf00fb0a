using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchEngine.Web;

/// <summary>
/// A second, stricter budget per client address for the requests whose cost grows with the index or the document
/// (the global limit counts requests, not their cost): the facet lists and the trend run over every matching
/// section, and the document view with <c>q</c> analyses the text it highlights.
/// </summary>
internal static class CostlyRequests
{
    /// <summary>Every request to the endpoint counts.</summary>
    public const string Policy = "costly";

    /// <summary>Only a request with a non-empty <c>q</c> counts: without one the endpoint's work is cheap.</summary>
    public const string WithQueryPolicy = "costly-with-query";

    public static void AddCostlyPolicies(this RateLimiterOptions r, WebOptions options)
    {
        r.AddPolicy(Policy, context => Limit(context, "", options));
        r.AddPolicy(WithQueryPolicy, context => string.IsNullOrWhiteSpace(context.Request.Query["q"])
            ? RateLimitPartition.GetNoLimiter("")
            : Limit(context, "q:", options));
    }

    private static RateLimitPartition<string> Limit(HttpContext context, string prefix, WebOptions options) =>
        RateLimitPartition.GetFixedWindowLimiter(
            prefix + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.CostlyRequestsPerMinute), Window = TimeSpan.FromMinutes(1) });
}
