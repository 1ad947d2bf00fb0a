namespace SearchEngine.Web.Endpoints;

/// <summary>GET /health: the server is up, and what it serves.</summary>
internal static class HealthEndpoints
{
    /// <summary>The health answer: <c>ok</c>, the index's size and generation, and the process's working set.</summary>
    internal sealed record HealthStatus(string Status, int Documents, int Sections, long Generation, double MemoryMb);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (SearchService service) => TypedResults.Ok(new HealthStatus(
            "ok", service.Snapshot.DocumentCount, service.Snapshot.SectionCount, service.Snapshot.Generation,
            Math.Round(Environment.WorkingSet / 1e6, 1))))
            .WithTags("Health").WithSummary("The server is up: documents and sections in the index, its generation, memory in MB");
}
