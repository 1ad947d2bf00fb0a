namespace SearchEngine.Web.Endpoints;

/// <summary>GET /health: the server is up and how many documents it serves.</summary>
internal static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", (DocumentLibrary library) => TypedResults.Ok(new { status = "ok", documents = library.Documents.Count }));
}
