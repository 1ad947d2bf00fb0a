namespace SearchEngine.Web.Endpoints;

/// <summary>GET /health: the server is up, and what it serves.</summary>
internal static class HealthEndpoints
{
    /// <summary>
    /// The health answer: <c>ok</c>; <c>building</c> while the first build runs (searches answer from what is
    /// committed, so they may miss documents); <c>degraded</c> when that build failed or was stopped (the index holds
    /// part of the sources; the next start goes on). Then the index's size and generation, the process's working
    /// set, and the build's progress when this process ran one.
    /// </summary>
    internal sealed record HealthStatus(string Status, int Documents, int Sections, long Generation, double MemoryMb, BuildProgress? Build = null);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (SearchService service) =>
        {
            var build = service.Build;
            var snapshot = service.Snapshot;
            string status = build?.State switch
            {
                "running" => "building",
                "failed" => "degraded",
                _ => "ok",
            };
            return TypedResults.Ok(new HealthStatus(status, snapshot.DocumentCount, snapshot.SectionCount, snapshot.Generation,
                Math.Round(Environment.WorkingSet / 1e6, 1), build));
        })
            .WithTags("Health").WithSummary("The server is up (status ok, building while the first build runs, degraded when it failed): documents and sections in the index, its generation, memory in MB, and the build's progress");
}
