using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Duplicates;
using SearchEngine.Core.Metadata;
using SearchEngine.Core.Pipeline;
using SearchEngine.Ingestion.Readers;

namespace SearchEngine.Ingestion.Pipeline;

/// <summary>
/// Files and folders in, <see cref="IngestReport"/> out: picks the reader by extension, builds each document,
/// reports every file it cannot read and goes on with the rest, then folds near-duplicates into one canonical
/// document each.
/// </summary>
public sealed class PolicyFileIngester
{
    private readonly Dictionary<string, IDocumentReader> _readers;
    private readonly PolicyDocumentBuilder _builder = new();

    public PolicyFileIngester() : this([new TextFileReader(), new HtmlReader(), new DocxReader(), new PdfReader(), new MarkdownReader(), new DocReader(), new XlsxReader(), new OfdReader()])
    {
    }

    public PolicyFileIngester(IEnumerable<IDocumentReader> readers)
    {
        _readers = readers.SelectMany(r => r.Extensions.Select(e => (e, r))).ToDictionary(x => x.e, x => x.r, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> SupportedExtensions => _readers.Keys;

    /// <summary>
    /// Files read at once by <see cref="Read"/>: the processor count by default; 1 reads them one after another on
    /// the caller's thread. The output is the same either way (same documents, ids and order).
    /// </summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Ingests files and folders (recursively). Sources are reported relative to <paramref name="root"/>;
    /// <paramref name="progress"/> is told each file's source once, as its reading starts (calls never overlap).
    /// </summary>
    public IngestReport Ingest(IEnumerable<string> paths, string? root = null, IProgress<string>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var read = Read(Plan(paths, root), progress).ToList();
        return Complete(read, clock.Elapsed);
    }

    /// <summary>The files <paramref name="paths"/> name (folders recursively), in ingestion order, with their sources and ids.</summary>
    public static IngestPlan Plan(IEnumerable<string> paths, string? root = null)
    {
        var files = ExpandPaths(paths).Select(Path.GetFullPath).Distinct().ToList();
        string basePath = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        var sources = files.Select(f => Path.GetRelativePath(basePath, f).Replace('\\', '/')).ToList();
        var ids = DocumentIds.Assign(sources);
        return new IngestPlan([.. files.Select((f, i) => new PlannedFile(f, sources[i], ids[sources[i]]))]);
    }

    /// <summary>
    /// Reads and builds the planned files on up to <see cref="MaxParallelism"/> threads and yields each outcome in
    /// plan order, as soon as it and every file before it are read, so a caller can index documents while later
    /// files are still being read. These are the documents as read: the corpus-wide steps come after, in
    /// <see cref="Complete"/>. An unreadable file is an outcome with its reason; <paramref name="cancel"/> stops
    /// the reading with <see cref="OperationCanceledException"/>. <paramref name="progress"/> is told each file's
    /// source once, as its reading starts; calls never overlap.
    /// </summary>
    public IEnumerable<IngestedFile> Read(IngestPlan plan, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reporting = new Lock();
        IngestedFile ReadOne(PlannedFile file)
        {
            if (progress is not null)
            {
                lock (reporting)
                    progress.Report(file.Source);
            }
            long bytes = File.Exists(file.Path) ? new FileInfo(file.Path).Length : 0;
            var (document, error, _) = IngestFile(file.Path, file.Source, file.Id, IngestBudget.None, cancel);
            return new IngestedFile(file, document, error, bytes);
        }
        if (MaxParallelism <= 1)
            return plan.Files.Select(ReadOne);
        // Ordered PLINQ over a partitioner that hands out one file at a time: every thread takes the next unread
        // file (a slow PDF holds one thread, not a range of files), and the ordered, unbuffered merge yields each
        // outcome as soon as those before it are done. Ids were assigned by the plan, so the order of reading
        // changes nothing in the output.
        var parallel = Partitioner.Create(plan.Files, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Min(MaxParallelism, 512))
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .WithCancellation(cancel)
            .Select(ReadOne);
        return Unwrapped(parallel);
    }

    /// <summary>
    /// The corpus-wide steps over everything read, in plan order: issuers taught by number prefix
    /// (<see cref="CorpusIssuerInference"/>) and near-duplicates folded into one canonical document. Both need
    /// every document (a teaching document or a better copy may be the last file read), which is why they are not
    /// part of <see cref="Read"/>.
    /// </summary>
    public static IngestReport Complete(IReadOnlyList<IngestedFile> read, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(read);
        var documents = new List<PolicyDocument>();
        var failures = new List<IngestProblem>();
        var warnings = new List<IngestProblem>();
        foreach (var outcome in read)
        {
            if (outcome.Document is { } document)
            {
                documents.Add(document);
                if (LooksLikeNoPolicy(document))
                    warnings.Add(new IngestProblem(outcome.File.Source, "no outline headings and no document number were found: it may not be a policy document"));
            }
            else
            {
                failures.Add(new IngestProblem(outcome.File.Source, outcome.Error!));
            }
        }
        var (canonical, groups) = FoldDuplicates([.. CorpusIssuerInference.Apply(documents)]);
        return new IngestReport(canonical, failures, warnings, groups, read.Sum(o => o.Bytes), elapsed);
    }

    /// <summary>A failure on a reading thread is thrown as itself, as the sequential loop would, not wrapped in an AggregateException.</summary>
    private static IEnumerable<IngestedFile> Unwrapped(ParallelQuery<IngestedFile> outcomes)
    {
        using var e = outcomes.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                    yield break;
            }
            catch (AggregateException failure) when (failure.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(failure.InnerExceptions[0]).Throw();
                throw;
            }
            yield return e.Current;
        }
    }

    /// <summary>Reads and builds one file; an unreadable file gives its reason instead of a document.</summary>
    /// <param name="path">The file.</param>
    /// <param name="source">How to name it in the document (relative to the ingested root).</param>
    /// <param name="id">The document id; by default the file name without extension.</param>
    public (PolicyDocument? Document, string? Error) IngestFile(string path, string source, string? id = null)
    {
        var (document, error, _) = IngestFile(path, source, id, IngestBudget.None, CancellationToken.None);
        return (document, error);
    }

    /// <summary>
    /// Reads and builds one file within <paramref name="budget"/>. An unreadable file, or one over the budget (too
    /// much text, too many sections, too long to read and build), gives its reason instead of a document;
    /// <c>OverBudget</c> tells the two apart. When <paramref name="cancel"/> fires (the caller gave up) the work
    /// stops, converter processes are killed and <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public (PolicyDocument? Document, string? Error, bool OverBudget) IngestFile(string path, string source, string? id, IngestBudget budget, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        string extension = Path.GetExtension(path);
        if (!File.Exists(path))
            return (null, Directory.Exists(path) ? "is a folder, not a file" : "not found: no such file or folder", false);
        if (!_readers.TryGetValue(extension, out var reader))
        {
            string supported = string.Join(' ', _readers.Keys.Order(StringComparer.Ordinal));
            return (null, $"unsupported file type '{(extension.Length > 0 ? extension : "(none)")}'; supported: {supported}", false);
        }
        // The time budget cancels like the caller does; which of the two fired decides between a reason and a throw.
        using var timed = budget.MaxTime is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancel);
        if (budget.MaxTime is { } maxTime)
            timed!.CancelAfter(maxTime);
        var token = timed?.Token ?? cancel;
        try
        {
            ReadResult read;
            try
            {
                read = reader.Read(path, token);
            }
            catch (IOException e)
            {
                return (null, $"the file could not be read: {e.Message}", false);
            }
            catch (UnauthorizedAccessException)
            {
                return (null, "the file could not be read: permission denied", false);
            }
            if (!read.Succeeded)
                return (null, read.Error, false);
            // One limit for every format, whatever each reader checks on its way: the text's cost downstream (cleaning,
            // analysis, the index) is what it bounds.
            if (read.Text!.Length > ReadLimits.MaxTextChars)
                return (null, $"the file yields more than {ReadLimits.MaxTextCharsText} characters of text, more than any policy document; split it into smaller files", false);
            if (budget.MaxCharacters is { } maxCharacters && read.Text.Length > maxCharacters)
                return (null, $"the file yields {read.Text.Length:N0} characters of text, more than the {maxCharacters:N0} allowed; split it into smaller files", true);
            var document = _builder.Build(id ?? DocumentIds.FromSource(source), source, reader.Format, read.Text, read.Properties, budget, token);
            // The time budget counts until the document is built, not until someone notices.
            token.ThrowIfCancellationRequested();
            return (document, null, false);
        }
        catch (IngestBudgetExceededException e)
        {
            return (null, e.Message, true);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested && timed is { IsCancellationRequested: true })
        {
            return (null, $"reading and building the file took longer than the {budget.MaxTime!.Value.TotalSeconds:0.###} s allowed; split it into smaller files", true);
        }
    }

    private static bool LooksLikeNoPolicy(PolicyDocument document) =>
        document.Sections.All(s => s.Level == HeadingLevel.Preamble) && document.Metadata.DocumentNumber is null;

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path; // a missing path is reported as not found
            }
        }
    }

    /// <summary>
    /// Keeps one document per near-duplicate group: the best copy by title, printed metadata and structure
    /// (000's web page prints issuer and date; 001's PDF extraction does not), then the earlier source.
    /// </summary>
    private static (List<PolicyDocument>, List<IReadOnlyList<string>>) FoldDuplicates(List<PolicyDocument> documents)
    {
        var groups = NearDuplicateDetector.Group([.. documents.Select(d => d.Text)]);
        var dropped = new HashSet<int>();
        var replaced = new Dictionary<int, PolicyDocument>();
        var reported = new List<IReadOnlyList<string>>();
        foreach (var group in groups)
        {
            var ordered = group.OrderByDescending(i => CopyQuality(documents[i])).ThenBy(i => documents[i].Source, StringComparer.Ordinal).ToList();
            int keep = ordered[0];
            var alternates = ordered.Skip(1).Select(i => documents[i].Source).ToList();
            replaced[keep] = documents[keep] with { AlternateSources = alternates };
            dropped.UnionWith(ordered.Skip(1));
            reported.Add([documents[keep].Source, .. alternates]);
        }
        var result = documents.Select((d, i) => replaced.GetValueOrDefault(i, d)).Where((_, i) => !dropped.Contains(i)).ToList();
        return (result, reported);
    }

    /// <summary>
    /// How good a copy is: a printed title, printed metadata and a section tree count; a scrape that lost its
    /// title and headings (a crawler's text of a page) loses to the page itself.
    /// </summary>
    internal static int CopyQuality(PolicyDocument d)
    {
        var m = d.Metadata;
        int printed = new[] { m.Title?.Provenance, m.DocumentNumber?.Provenance, m.SigningDate?.Provenance, m.Region?.Provenance }
            .Count(p => p == Provenance.Printed);
        printed += m.Issuers.Count(i => i.Provenance == Provenance.Printed);
        int headings = d.Sections.Count(s => s.Level != HeadingLevel.Preamble);
        return (m.Title?.Provenance == Provenance.Printed ? 4 : m.Title is not null ? 1 : 0) + (2 * printed) + Math.Min(headings, 20);
    }
}
