using Microsoft.AspNetCore.Http.HttpResults;
using SearchEngine.Index.Model;

namespace SearchEngine.Web.Endpoints;

/// <summary>GET /api/documents/{id}: a document's metadata and sections as stored in the index.</summary>
internal static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/documents/{id}", Results<Ok<DocumentRecord>, ProblemHttpResult> (string id, SearchService service) =>
            service.Snapshot.FindDocument(id) is { } d
                ? TypedResults.Ok(d)
                : TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found"));
}
