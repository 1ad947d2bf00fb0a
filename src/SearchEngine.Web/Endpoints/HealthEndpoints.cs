namespace SearchEngine.Web.Endpoints;

/// <summary>GET /health: the server is up, and what it serves.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (SearchService service) => TypedResults.Ok(new
        {
            status = "ok",
            documents = service.Snapshot.DocumentCount,
            sections = service.Snapshot.SectionCount,
            generation = service.Snapshot.Generation,
            memoryMb = Math.Round(Environment.WorkingSet / 1e6, 1),
        }));
}
