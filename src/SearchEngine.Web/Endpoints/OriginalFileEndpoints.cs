using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace SearchEngine.Web.Endpoints;

/// <summary>
/// The file a document was read from, as published (a reader checks the original, or keeps it): only files inside
/// the configured source folders and the uploads folder are served, always as a download under the name the user
/// knows (an uploaded file without its hash prefix), with a sandboxing policy so an HTML original can never run in
/// this site's origin.
/// </summary>
internal static class OriginalFileEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new()
    {
        Mappings = { [".wps"] = "application/vnd.ms-works", [".ofd"] = "application/ofd", [".md"] = "text/markdown" },
    };

    /// <summary>The media types an original can be served as: those of the formats the ingester reads, else octet-stream.</summary>
    private static readonly string[] FileTypes = [.. new Ingestion.Pipeline.PolicyFileIngester().SupportedExtensions
        .Select(e => ContentTypes.TryGetContentType("file" + e, out var type) ? type : "application/octet-stream")
        .Append("application/octet-stream").Distinct().Order(StringComparer.Ordinal)];

    public static void MapOriginalFileEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/documents/{id}/file", Get).WithTags("Documents")
            .WithSummary("The original file the document was read from, as a download (its media type follows its extension)")
            .Produces<Stream>(StatusCodes.Status200OK, FileTypes[0], FileTypes[1..]).ProducesProblem(StatusCodes.Status404NotFound);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Get([System.ComponentModel.Description("The document's id.")] string id, SearchService service, UploadStore store, HttpContext context)
    {
        if (service.Snapshot.OpenDocument(id)?.Outline is not { } document)
            return TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
        // An upload's source names the uploads folder, wherever it is configured; other sources are under the root.
        string path = Path.GetFullPath(store.PathOf(document.Source) ?? Path.Combine(service.Root, document.Source));
        var allowed = service.SourceFolders.Append(store.Folder);
        if (!allowed.Any(folder => path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || !File.Exists(path))
            return TypedResults.Problem($"The original file of '{id}' is no longer available.", statusCode: StatusCodes.Status404NotFound, title: "File not found");
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        string type = ContentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
        return TypedResults.PhysicalFile(path, type, DownloadName(document.Source, store.PathOf(document.Source) is not null));
    }

    /// <summary>The name to save under: an upload's stored name without its 10-character hash and dash.</summary>
    internal static string DownloadName(string source, bool uploaded)
    {
        string name = Path.GetFileName(source);
        return uploaded && name.Length > 11 && name[10] == '-' ? name[11..] : name;
    }
}
