using Microsoft.AspNetCore.Http.HttpResults;
using SearchEngine.Core.Documents;

namespace SearchEngine.Web.Endpoints;

/// <summary>GET /api/documents and /api/documents/{id}: the ingested documents with metadata and sections.</summary>
internal static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/documents");
        group.MapGet("/", (DocumentLibrary library) => TypedResults.Ok(library.Documents.Select(Summary)));
        group.MapGet("/{id}", Results<Ok<object>, ProblemHttpResult> (string id, DocumentLibrary library) =>
            library.Find(id) is { } d
                ? TypedResults.Ok<object>(Detail(d))
                : TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound));
    }

    private static object Summary(PolicyDocument d) => new
    {
        d.Id,
        d.Source,
        Title = d.Metadata.Title?.Value,
        Issuers = d.Metadata.Issuers.Select(i => i.Value),
        DocumentNumber = d.Metadata.DocumentNumber?.Value.ToString(),
        Year = d.Metadata.Year?.Value,
        Region = d.Metadata.Region?.Value.Name,
        Type = d.Metadata.DocumentType?.Value,
        d.Industries,
        d.AlternateSources,
        Sections = d.Sections.Count,
    };

    private static object Detail(PolicyDocument d) => new
    {
        d.Id,
        d.Source,
        d.Format,
        d.Metadata,
        d.Industries,
        d.AlternateSources,
        Sections = d.Sections.Select(s => new
        {
            s.Index, s.Parent, s.Level, s.Depth, s.Heading, s.HeadingPath, s.Units, s.Industries,
            Text = d.BodyOf(s),
        }),
    };
}
