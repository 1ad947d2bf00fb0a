using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Web.OpenApi;

namespace SearchEngine.Web.Endpoints;

/// <summary>A document with its sections (highlighted for a query); uploads and deletions behind the API key.</summary>
internal static class DocumentEndpoints
{
    /// <summary>Every format the ingester reads (.txt .html .docx .pdf .md .doc .wps .xlsx .ofd …), in one list.</summary>
    private static readonly string[] UploadExtensions = [.. new PolicyFileIngester().SupportedExtensions.Order(StringComparer.Ordinal)];

    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/documents").WithTags("Documents");
        api.MapGet("/{id}", Get).RequireRateLimiting(CostlyRequests.WithQueryPolicy)
            .WithSummary("A document: metadata with evidence, the outline of every section (unless outline=false), and the texts of a page of sections (from, count; or the page holding section; or, with at, one section's text from that character); with q, marked where the search for q matches (its synonyms too unless expand=false, a phrase only as the phrase)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", Upload).RequireApiKey().DisableAntiforgery()
            .WithSummary("Upload a policy file (.txt .html .docx .pdf .md .doc .wps .xlsx .ofd); it is searchable when this returns: 201 with the new document, 200 when the same content under the same name is there already; with replaces, the named document goes in the same write (404 when there is none)")
            .AcceptsUploadForm($"The policy file, at most SearchEngine:MaxUploadBytes; one of {string.Join(" ", UploadExtensions)}.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status507InsufficientStorage);
        api.MapDelete("/{id}", Delete).RequireApiKey().WithSummary("Delete a document (an uploaded one's file with it)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status507InsufficientStorage);
    }

    /// <summary>Sections whose text one request returns unless asked for fewer.</summary>
    internal const int DefaultPageSections = 50;

    /// <summary>
    /// Most sections one request returns: a page's cost (text, and highlighting's analysis) is bounded by this,
    /// not by the document, which may have tens of thousands of sections.
    /// </summary>
    internal const int MaxPageSections = 200;

    /// <summary>
    /// Most characters of one section's text in a response: a section may be megabytes long (a .docx without
    /// headings is one section), so its text comes in windows; <c>section</c> with <c>at</c> asks for the next one.
    /// </summary>
    internal const int MaxSectionCharacters = 20_000;

    /// <summary>Most characters of text in one response, over all its sections; sections past it come without text (TextFrom 0, TextLength > 0).</summary>
    internal const int MaxPageCharacters = 100_000;

    /// <summary>
    /// A section of the page. <c>Text</c> is the window of the section's text from <c>TextFrom</c> (the whole text
    /// unless <c>TextFrom + Text.Length &lt; TextLength</c>), <c>Highlighted</c> the same window marked.
    /// </summary>
    internal sealed record SectionView(int Id, string Level, int Depth, IReadOnlyList<string> HeadingPath, string Heading, string Text, string? Highlighted, IReadOnlyList<Core.Documents.ResponsibleUnit> Units, IReadOnlyList<string> Industries, int TextFrom, int TextLength);

    /// <summary>One line of the table of contents: every section has one, with its heading but not its text.</summary>
    internal sealed record OutlineEntry(int Id, string Level, int Depth, string Heading);

    internal sealed record DocumentView(
        string Id, string Title, string? NoticeTitle, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, int? Year,
        string? Region, string? Type, IReadOnlyList<string> Industries, string Source, IReadOnlyList<string> AlternateSources,
        JsonElement? Metadata, IReadOnlyList<SectionView> Sections, IReadOnlyList<string> Inferred,
        IReadOnlyList<OutlineEntry>? Outline, int From, int Total)
    {
        /// <summary>
        /// 规划目标 — the goals the document sets (at most <see cref="TargetEndpoints.MaxTargets"/>), with the outline
        /// only: a reader loading further pages has them already.
        /// </summary>
        public IReadOnlyList<TargetEndpoints.TargetView>? Targets { get; init; }
    }

    private static Results<Ok<DocumentView>, ProblemHttpResult> Get(
        [Description("The document's id, as hits give it (documentId).")] string id,
        [Description("A query whose matches to mark (highlighted), as in /api/search; at most SearchEngine:MaxQueryLength characters.")] string? q,
        [Description("Position of the first section of the page (0 by default); not with section.")] int? from,
        [Description("Sections in the page, 50 by default."), Range(1, MaxPageSections)] int? count,
        [Description("Id of a section: returns the page (on the grid of count) that holds it; not with from.")] int? section,
        [Description("With section: that section's text alone, from this character (long sections come in windows of 20,000).")] int? at,
        [Description("false: leave out the outline of every section (a reader loading further pages has it already).")] bool? outline,
        SearchService service, IOptions<WebOptions> options,
        [Description("false: mark only the literal words of q, without synonyms.")] bool expand = true)
    {
        if ((q?.Length ?? 0) > options.Value.MaxQueryLength)
            return TypedResults.Problem($"The query is longer than {options.Value.MaxQueryLength} characters.", statusCode: 400, title: "Invalid request");
        int size = count ?? DefaultPageSections;
        if (size is < 1 or > MaxPageSections)
            return Invalid($"count must be between 1 and {MaxPageSections}; it was {size}.");
        if (from < 0)
            return Invalid($"from must be 0 or more; it was {from}.");
        if (from is not null && section is not null)
            return Invalid("Give from or section, not both: section asks for the page that holds it.");
        if (at is not null && section is null)
            return Invalid("at is a character offset in one section's text: give section with it.");
        if (at < 0)
            return Invalid($"at must be 0 or more; it was {at}.");
        if (service.Snapshot.OpenDocument(id) is not { } stored)
            return TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");
        var d = stored.Outline;
        int total = d.Sections.Count;
        int start = from ?? 0;
        if (section is { } wanted)
        {
            int position = d.PositionOf(wanted);
            if (position < 0)
                return Invalid($"The document '{id}' has no section {wanted}.");
            if (at > stored.BodyLength(position))
                return Invalid($"Section {wanted} has {stored.BodyLength(position)} characters of text; at was {at}.");
            // pages on a grid of count, so the same section always lands on the same page; with at, the one section
            (start, size) = at is null ? (position / size * size, size) : (position, 1);
        }
        if (start > total)
            return Invalid($"from must be at most {total}, the document's number of sections; it was {start}.");
        // Highlighting analyses the text it marks, and only the texts of the page are read from storage (in windows
        // of a long section): the cost of a request is bounded by the page, not by the document. The marks are what
        // the search for q matched (the compiled query: synonyms, phrases as phrases), so a section listed as a hit
        // shows why.
        var mark = string.IsNullOrWhiteSpace(q) ? null : service.Snapshot.MarkerFor(q, expand);
        int budget = MaxPageCharacters;
        var sections = new List<SectionView>();
        for (int i = start; i < Math.Min(total, start + size); i++)
        {
            var s = d.Sections[i];
            int length = stored.BodyLength(i), textFrom = at ?? 0;
            string text = Window(stored, i, textFrom, Math.Min(MaxSectionCharacters, budget));
            budget -= text.Length;
            sections.Add(new SectionView(s.SectionIndex, s.Level.ToString(), Depth(s), s.HeadingPath, Heading(s),
                text, mark?.Invoke(text), s.Units, s.Industries, textFrom, length));
        }
        // The outline grows with the document (some 60 bytes a section): a reader loading further pages has it
        // from the first and asks with outline=false, so those responses are the size of the page alone.
        var sectionOutline = outline == false ? null : d.Sections.Select(s => new OutlineEntry(s.SectionIndex, s.Level.ToString(), Depth(s), Heading(s))).ToList();
        JsonElement? metadata = d.MetadataJson is null ? null : JsonDocument.Parse(d.MetadataJson).RootElement.Clone();
        var targets = outline == false ? null : stored.Targets.Take(TargetEndpoints.MaxTargets)
            .Select(t => TargetEndpoints.View(Search.Targets.TargetHit.Of(d, t) with { SentenceHighlighted = mark?.Invoke(t.Sentence) }))
            .ToList();
        return TypedResults.Ok(new DocumentView(d.Id, d.Title, d.NoticeTitle, d.Issuers, d.DocumentNumber, d.Date, d.Year, d.Region, d.Type,
            d.Industries, d.Source, d.AlternateSources, metadata, sections, d.Inferred, sectionOutline, start, total) { Targets = targets });
    }

    /// <summary>
    /// Up to <paramref name="limit"/> characters of a section's text from <paramref name="from"/>; a window that
    /// does not reach the end stops after its last line break or sentence end in the final fifth, else before a
    /// surrogate pair would be split, so the next window starts on a whole character.
    /// </summary>
    internal static string Window(IStoredDocument stored, int position, int from, int limit)
    {
        if (limit <= 0)
            return "";
        string text = stored.Text(position, from, limit);
        if (from + text.Length >= stored.BodyLength(position))
            return text;
        int cut = text.AsSpan(text.Length - (limit / 5)).LastIndexOfAny('\n', '。');
        int end = cut >= 0 ? text.Length - (limit / 5) + cut + 1 : text.Length;
        if (char.IsHighSurrogate(text[end - 1]))
            end--;
        return text[..end];
    }

    private static int Depth(SectionRecord s) => Math.Max(0, s.HeadingPath.Count - 1);

    private static string Heading(SectionRecord s) => s.HeadingPath.Count > 0 ? s.HeadingPath[^1] : "";

    /// <summary>The position of the section with this id; ids are positions in practice, so that is tried first.</summary>
    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");

    /// <summary>
    /// What the upload became, for the uploader to check: the metadata read from it (inferred values named in
    /// <c>Inferred</c>), and the document it replaced: the one named by <c>replaces</c>, else one whose id the
    /// upload's name and content map to as well (another spelling of the name).
    /// </summary>
    internal sealed record UploadResult(string Id, string Title, int Sections, string Source)
    {
        public IReadOnlyList<string> Issuers { get; init; } = [];
        public string? DocumentNumber { get; init; }
        public DateOnly? Date { get; init; }
        public int? Year { get; init; }
        public string? Type { get; init; }
        public IReadOnlyList<string> Inferred { get; init; } = [];

        /// <summary>
        /// The source of the document this upload replaced (the one <c>replaces</c> named, or one with the same id from
        /// another file name); null when it replaced none.
        /// </summary>
        public string? Replaced { get; init; }

        /// <summary>The id of the document this upload replaced, as in <see cref="Replaced"/>; null when it replaced none.</summary>
        public string? ReplacedId { get; init; }
    }

    private static async Task<Results<Created<UploadResult>, Ok<UploadResult>, ProblemHttpResult>> Upload(
        HttpRequest request, SearchService service, UploadStore store, IOptions<WebOptions> options,
        [Description("The id of a document this upload replaces (a corrected version of it): the new document is indexed and this one deleted in the same write, its uploaded file with it; 404 when no document has this id.")] string? replaces,
        CancellationToken cancel)
    {
        var limits = options.Value;
        if (string.IsNullOrEmpty(replaces))
            replaces = null;
        // Asked before reading the body, so a mistyped id costs no ingestion; asked again under the lock, where it counts.
        if (replaces is not null && service.Snapshot.OpenDocument(replaces) is null)
            return NoSuchDocument(replaces);
        if (request.ContentLength > limits.MaxUploadBytes + (64 << 10))
            return TooLarge(request.ContentLength.Value, limits.MaxUploadBytes);
        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancel)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException or InvalidOperationException)
        {
            // Only the size limits (the form reader's and Kestrel's) mean "too large"; any other failure to read the
            // form is a body that is not multipart form data (no boundary, a torn section, garbage).
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout })
                return TypedResults.Problem($"The upload arrived too slowly: less than {limits.MinUploadBytesPerSecond:N0} bytes a second after the first {limits.UploadGraceSeconds} seconds. Nothing was kept.",
                    statusCode: StatusCodes.Status408RequestTimeout, title: "Upload too slow");
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                || (e is InvalidDataException && e.Message.Contains("body length limit", StringComparison.Ordinal)))
                return TooLarge(request.ContentLength ?? 0, limits.MaxUploadBytes);
            return TypedResults.Problem("The request body is not valid multipart form data; send the file in a field named 'file'.", statusCode: 400, title: "Invalid form data");
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
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        // Identical content under the same name is the same document (same id, same stored file): uploading it again
        // answers 200 with that document instead of indexing it twice.
        string hash = Convert.ToHexStringLower(SHA256.HashData(content.Span))[..10];
        string storedName = $"{hash}-{name}";
        string source = $"uploads/{storedName}";
        string id = $"{DocumentIds.FromSource(name)}-{hash}";

        string temporary;
        try
        {
            temporary = await store.WriteTemporaryAsync(content, extension, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NotStored();
        }
        try
        {
            // The request's token reaches the readers' converters and the builder: a client that goes away stops the
            // work (the temporary file goes in the finally below), and the budget bounds what one upload may cost.
            var (document, error, overBudget) = new PolicyFileIngester().IngestFile(temporary, source, id, limits.UploadBudget, cancel);
            if (document is null)
            {
                // The reader's reason may name the temporary file: the client sees its own file name, never a server path.
                string reason = (error ?? "unknown reason").Replace(temporary, name, StringComparison.Ordinal).Replace(store.Folder, "uploads", StringComparison.Ordinal);
                return TypedResults.Problem($"The file could not be indexed: {reason}.", statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: overBudget ? "Over the upload budget" : "Unreadable file");
            }
            var record = DocumentRecord.From(document);
            var result = new UploadResult(id, document.Metadata.Title?.Value ?? name, document.Sections.Count, source)
            {
                Issuers = record.Issuers, DocumentNumber = record.DocumentNumber, Date = record.Date, Year = record.Year,
                Type = record.Type, Inferred = record.Inferred,
            };
            string stored = Path.Combine(store.Folder, storedName);
            await store.Lock.WaitAsync(cancel);
            try
            {
                var existing = service.Snapshot.OpenDocument(id)?.Outline;
                var named = replaces is null || replaces == id ? null : service.Snapshot.OpenDocument(replaces)?.Outline;
                if (replaces is not null && replaces != id && named is null)
                    return NoSuchDocument(replaces);
                if (existing?.Source == source && File.Exists(stored))
                {
                    if (named is null)
                        return TypedResults.Ok(result);
                    // The corrected version is in the index already (uploaded before): replacing is deleting the named one.
                    try
                    {
                        service.Delete(named.Id);
                    }
                    catch (IndexWriteException e)
                    {
                        return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The index could not be written");
                    }
                    DeleteUpload(store, named.Source);
                    return TypedResults.Ok(result with { Replaced = named.Source, ReplacedId = named.Id });
                }
                bool published;
                try
                {
                    published = UploadStore.Publish(temporary, stored);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return NotStored();
                }
                try
                {
                    if (named is null)
                        service.Add(record);
                    else if (!service.Replace(record, named.Id))
                    {
                        if (published)
                            UploadStore.TryDelete(stored);
                        return NoSuchDocument(named.Id);
                    }
                }
                catch (IndexWriteException e)
                {
                    if (published)
                        UploadStore.TryDelete(stored);
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The index could not be written");
                }
                catch
                {
                    if (published)
                        UploadStore.TryDelete(stored);
                    throw;
                }
                // The id named another uploaded file before (a name that maps to the same id): that file is no one's now;
                // nor is the replaced document's.
                if (existing is not null && existing.Source != source)
                {
                    DeleteUpload(store, existing.Source);
                    result = result with { Replaced = existing.Source, ReplacedId = existing.Id };
                }
                if (named is not null)
                {
                    DeleteUpload(store, named.Source);
                    result = result with { Replaced = named.Source, ReplacedId = named.Id };
                }
                return TypedResults.Created($"/api/documents/{Uri.EscapeDataString(id)}", result);
            }
            finally
            {
                store.Lock.Release();
            }
        }
        finally
        {
            // Gone already when it was published; otherwise (unreadable, identical, failed) it must not stay.
            UploadStore.TryDelete(temporary);
        }
    }

    /// <summary>Removes a document's stored upload; files of the configured sources are the user's and stay.</summary>
    private static void DeleteUpload(UploadStore store, string source)
    {
        if (store.PathOf(source) is { } file)
            UploadStore.TryDelete(file);
    }

    private static ProblemHttpResult NoSuchDocument(string id) =>
        TypedResults.Problem($"No document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found");

    private static ProblemHttpResult TooLarge(long size, long limit) =>
        TypedResults.Problem($"The upload is {size:N0} bytes; the limit is {limit:N0}.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");

    private static ProblemHttpResult NotStored() =>
        TypedResults.Problem("The upload could not be stored: the server's uploads folder is full or cannot be written. Nothing was kept; try again later.",
            statusCode: StatusCodes.Status507InsufficientStorage, title: "The upload could not be stored");

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, SearchService service, UploadStore store, CancellationToken cancel)
    {
        await store.Lock.WaitAsync(cancel);
        try
        {
            string? source = service.Snapshot.OpenDocument(id)?.Outline.Source;
            if (!service.Delete(id))
                return NoSuchDocument(id);
            // An uploaded file goes with its document
            if (source is not null)
                DeleteUpload(store, source);
            return TypedResults.NoContent();
        }
        catch (IndexWriteException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status507InsufficientStorage, title: "The index could not be written");
        }
        finally
        {
            store.Lock.Release();
        }
    }

    /// <summary>
    /// The file name without any path, with only letters, digits, CJK and . - _ kept, at most 100 characters and
    /// 200 UTF-8 bytes (a file name has 255 bytes on Linux, and the stored name adds the hash). The extension is kept
    /// whatever happens to the rest: a long or symbol-only name still says what format it is.
    /// </summary>
    internal static string SafeFileName(string fileName)
    {
        string name = Path.GetFileName(fileName.Replace('\\', '/'));
        string extension = Keep(Path.GetExtension(name));
        if (extension.Length is < 2 or > 10 || extension.LastIndexOf('.') != 0)
            extension = ""; // not an extension (".", "..", a very long tail): left to the type check
        string stem = Keep(name[..^Path.GetExtension(name).Length]).Trim('.');
        stem = stem[..Math.Min(stem.Length, 100 - extension.Length)];
        while (System.Text.Encoding.UTF8.GetByteCount(stem) > 200 - extension.Length)
            stem = stem[..^1]; // Keep dropped every surrogate, so a cut never splits a character
        return (stem.Length == 0 ? "upload" : stem) + extension;
    }

    private static string Keep(string text) => new([.. text.Where(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_')]);
}
