using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace SearchEngine.Web.Tests;

/// <summary>
/// Waits for a server's background build of its first index: on the service of a server in this process, or on
/// /health for any server. Tests that need the whole index wait so instead of expecting the build to be synchronous.
/// </summary>
internal static class IndexBuildWait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Blocks until the build of the server whose services these are has ended.</summary>
    public static void ForBuild(IServiceProvider services)
    {
        var service = services.GetRequiredService<SearchService>();
        if (!service.BuildCompletion.Wait(Timeout))
            throw new TimeoutException($"the index was not built within {Timeout.TotalMinutes} minutes: {service.Build}");
    }

    /// <summary>Polls /health until its status is no longer <c>building</c>; returns the last answer.</summary>
    public static async Task<JsonElement> WaitForIndexBuild(this HttpClient client)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var health = await client.GetJson("/health");
            if (health.GetProperty("status").GetString() != "building")
                return health;
            Assert.True(DateTime.UtcNow < deadline, $"the index was still building after {Timeout.TotalMinutes} minutes: {health}");
            await Task.Delay(50);
        }
    }
}
