using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Core.Analysis;
using SearchEngine.Index.Model;
using SearchEngine.Ingestion.Pipeline;

namespace SearchEngine.Web.Endpoints;

/// <summary>A document with its sections (highlighted for a query); uploads and deletions behind the API key.</summary>
internal static class DocumentEndpoints
{
    /// <summary>Every format the ingester reads (.txt .html .docx .pdf .md .doc .wps .xlsx .ofd …), in one list.</summary>
    private static readonly string[] UploadExtensions = [.. new PolicyFileIngester().SupportedExtensions.Order(StringComparer.Ordinal)];

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Documents");
        api.MapGet("/{id}", Get).WithSummary("A document: metadata with evidence, section tree, section texts");
        api.MapPost("/", Upload).AddEndpointFilter<ApiKeyFilter>().DisableAntiforgery()
            .WithSummary("Upload a policy file (.txt .html .docx .pdf .md .doc .wps .xlsx .ofd); it is searchable when this returns");
        api.MapDelete("/{id}", Delete).AddEndpointFilter<ApiKeyFilter>().WithSummary("Delete a document");
    }

    internal sealed record SectionView(int Id, string Level, int Depth, IReadOnlyList<string> HeadingPath, string Heading, string Text, string? Highlighted, IReadOnlyList<Core.Documents.ResponsibleUnit> Units, IReadOnlyList<string> Industries);

    internal sealed record DocumentView(
        string Id, string Title, string? NoticeTitle, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, int? Year,
        string? Region, string? Type, IReadOnlyList<string> Industries, string Source, IReadOnlyList<string> AlternateSources,
        JsonElement? Metadata, IReadOnlyList<SectionView> Sections, IReadOnlyList<string> Inferred);

    private static Results<Ok<DocumentView>, ProblemHttpResult> Get(string id, string? q, SearchService service, IOptions<WebOptions> options)
    {
        if ((q?.Length ?? 0) > options.Value.MaxQueryLength)
            return TypedResults.Problem($"The query is longer than {options.Value.MaxQueryLength} characters.", statusCode: 400, title: "Invalid request");
        if (service.Snapshot.FindDocument(id) is not { } d)
            return TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
        var terms = string.IsNullOrWhiteSpace(q) ? null : new HashSet<string>(ChineseAnalyzer.Default.Terms(q), StringComparer.Ordinal);
        var sections = d.Sections.Select(s => new SectionView(
            s.SectionIndex, s.Level.ToString(), Math.Max(0, s.HeadingPath.Count - 1), s.HeadingPath, s.HeadingPath.Count > 0 ? s.HeadingPath[^1] : "",
            s.Body, terms is null ? null : service.Highlighter.Full(s.Body, terms), s.Units, s.Industries)).ToList();
        JsonElement? metadata = d.MetadataJson is null ? null : JsonDocument.Parse(d.MetadataJson).RootElement.Clone();
        return TypedResults.Ok(new DocumentView(d.Id, d.Title, d.NoticeTitle, d.Issuers, d.DocumentNumber, d.Date, d.Year, d.Region, d.Type,
            d.Industries, d.Source, d.AlternateSources, metadata, sections, d.Inferred));
    }

    internal sealed record UploadResult(string Id, string Title, int Sections, string Source);

    private static async Task<Results<Created<UploadResult>, ProblemHttpResult>> Upload(HttpRequest request, SearchService service, IOptions<WebOptions> options, CancellationToken cancel)
    {
        var limits = options.Value;
        if (request.ContentLength > limits.MaxUploadBytes + (64 << 10))
            return TooLarge(request.ContentLength.Value, limits.MaxUploadBytes);
        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancel)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // The form reader stops at the configured limit.
            return TooLarge(request.ContentLength ?? 0, limits.MaxUploadBytes);
        }
        if (file is null || file.Length == 0)
            return TypedResults.Problem("Send the file as multipart form data in a field named 'file'.", statusCode: 400, title: "No file");
        if (file.Length > limits.MaxUploadBytes)
            return TooLarge(file.Length, limits.MaxUploadBytes);
        string name = SafeFileName(file.FileName);
        string extension = Path.GetExtension(name).ToLowerInvariant();
        if (!UploadExtensions.Contains(extension))
            return TypedResults.Problem($"Files of type '{extension}' cannot be indexed; send {string.Join(", ", UploadExtensions)}.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported file type");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancel);
        string hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..10];
        string folder = Path.GetFullPath(Path.Combine(service.Root, limits.Uploads));
        Directory.CreateDirectory(folder);
        string stored = Path.Combine(folder, $"{hash}-{name}");
        await File.WriteAllBytesAsync(stored, buffer.ToArray(), cancel);
        string source = $"uploads/{hash}-{name}";
        string id = $"{DocumentIds.FromSource(name)}-{hash}";
        var (document, error) = new PolicyFileIngester().IngestFile(stored, source, id);
        if (document is null)
        {
            File.Delete(stored);
            return TypedResults.Problem($"The file could not be indexed: {error}.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unreadable file");
        }
        try
        {
            service.Add(document);
        }
        catch (Index.IndexWriteException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The index could not be written");
        }
        return TypedResults.Created($"/api/documents/{Uri.EscapeDataString(id)}",
            new UploadResult(id, document.Metadata.Title?.Value ?? name, document.Sections.Count, source));
    }

    private static ProblemHttpResult TooLarge(long size, long limit) =>
        TypedResults.Problem($"The upload is {size:N0} bytes; the limit is {limit:N0}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");

    private static Results<NoContent, ProblemHttpResult> Delete(string id, SearchService service, IOptions<WebOptions> options)
    {
        try
        {
            string? source = service.Snapshot.FindDocument(id)?.Source;
            if (!service.Delete(id))
                return TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
            // An uploaded file goes with its document; files of the configured sources are the user's and stay.
            if (source is not null && source.StartsWith("uploads/", StringComparison.Ordinal))
            {
                string file = Path.Combine(Path.GetFullPath(Path.Combine(service.Root, options.Value.Uploads)), Path.GetFileName(source));
                File.Delete(file);
            }
            return TypedResults.NoContent();
        }
        catch (Index.IndexWriteException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The index could not be written");
        }
    }

    /// <summary>The file name without any path, with only letters, digits, CJK and . - _ kept.</summary>
    internal static string SafeFileName(string fileName)
    {
        string name = Path.GetFileName(fileName.Replace('\\', '/'));
        var chars = name.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_').Take(100).ToArray();
        string safe = new string(chars).TrimStart('.');
        return safe.Length == 0 || Path.GetFileNameWithoutExtension(safe).Length == 0 ? "upload" + Path.GetExtension(safe) : safe;
    }
}
