using SearchEngine.Core.Targets;
using SearchEngine.Search.Model;

namespace SearchEngine.Search.Targets;

/// <summary>
/// 目标检索 — the plan targets a search reaches: "which plans set a target for 研发经费" is the sections that match
/// 研发经费 under the filters, and of their targets those whose indicator the query matches (or, with
/// <see cref="TargetRequest.InSentence"/>, whose sentence does). Works on any engine through the snapshot: it pages
/// through the matching sections in relevance order, at most <see cref="MaxSectionsRead"/>, and opens each of their
/// documents once.
/// </summary>
public static class TargetSearch
{
    /// <summary>Most matching sections one request reads the targets of; past it the answer says it was cut.</summary>
    public const int MaxSectionsRead = 2_000;

    private const int SectionsPerPage = 200;

    public static TargetAnswer Find(IIndexSnapshot snapshot, TargetRequest request)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        bool words = !string.IsNullOrWhiteSpace(request.Query);
        var marker = words ? snapshot.MarkerFor(request.Query, request.Expand) : null;
        var found = new List<TargetHit>();
        var warnings = new List<string>();
        var sectionsByDocument = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        long matching = 0;
        int read = 0;
        for (int page = 1; read < MaxSectionsRead; page++)
        {
            var result = snapshot.Search(new SearchRequest
            {
                Query = request.Query, Filters = request.Filters, Expand = request.Expand, GroupByDocument = false,
                Page = page, Size = SectionsPerPage, Facets = false, Highlight = false, MatchAllWhenEmpty = true,
                // Without words the newest documents come first, as browsing by filters does.
                Sort = words ? SearchSort.Relevance : SearchSort.DateDesc,
            });
            if (page == 1)
            {
                matching = result.Total;
                warnings.AddRange(result.Warnings);
            }
            foreach (var hit in result.Hits)
            {
                if (read >= MaxSectionsRead)
                    break;
                if (!sectionsByDocument.TryGetValue(hit.DocumentId, out var sections))
                {
                    sectionsByDocument[hit.DocumentId] = sections = [];
                    order.Add(hit.DocumentId);
                }
                if (sections.Add(hit.SectionId))
                    read++;
            }
            if (result.Hits.Count < SectionsPerPage)
                break;
        }
        foreach (string id in order)
        {
            if (snapshot.OpenDocument(id) is not { } stored)
                continue;
            foreach (var target in stored.TargetsIn(sectionsByDocument[id].Contains))
            {
                string? indicatorMarked = marker?.Invoke(target.Indicator);
                string? sentenceMarked = marker?.Invoke(target.Sentence);
                bool matches = marker is null || Marked(indicatorMarked) || (request.InSentence && Marked(sentenceMarked));
                if (!matches || (request.TargetYear is { } year && target.Year != year))
                    continue;
                found.Add(TargetHit.Of(stored.Outline, target) with { IndicatorHighlighted = indicatorMarked, SentenceHighlighted = sentenceMarked });
            }
        }
        return new TargetAnswer(request.Query, found, order.Count, read, matching > read, warnings);
    }

    private static bool Marked(string? text) => text is not null && text.Contains("<mark>", StringComparison.Ordinal);
}

/// <summary>What <see cref="TargetSearch.Find"/> is asked.</summary>
public sealed record TargetRequest
{
    /// <summary>Words the target's indicator must match, in the query language; empty: every target under the filters.</summary>
    public string Query { get; init; } = "";

    public SearchFilters Filters { get; init; } = SearchFilters.None;

    public bool Expand { get; init; } = true;

    /// <summary>Match the query anywhere in the target's sentence, not only in its indicator.</summary>
    public bool InSentence { get; init; }

    /// <summary>Only targets for this year (到2025年 → 2025).</summary>
    public int? TargetYear { get; init; }
}

/// <summary>One target with the document and section it comes from.</summary>
public sealed record TargetHit(
    string DocumentId, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, int? Year,
    string? Region, string? Type, IReadOnlyList<string> HeadingPath, PlanTarget Target)
{
    /// <summary>The indicator HTML-escaped with the query's matches in <c>&lt;mark&gt;</c>; null without a query.</summary>
    public string? IndicatorHighlighted { get; init; }

    /// <summary>The sentence HTML-escaped with the query's matches in <c>&lt;mark&gt;</c>; null without a query.</summary>
    public string? SentenceHighlighted { get; init; }

    /// <summary>A target of a document (its outline suffices), with the heading path of the section that sets it.</summary>
    public static TargetHit Of(DocumentRecord document, PlanTarget target)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(target);
        int position = document.PositionOf(target.Section);
        return new TargetHit(document.Id, document.Title, document.Issuers, document.DocumentNumber, document.Date, document.Year,
            document.Region, document.Type, position >= 0 ? document.Sections[position].HeadingPath : [], target);
    }
}

/// <summary>
/// The targets found, in the order of the sections that hold them (best match first), with how many documents and
/// sections were read and whether more sections matched than one request reads (<see cref="Truncated"/>).
/// </summary>
public sealed record TargetAnswer(string Query, IReadOnlyList<TargetHit> Targets, int Documents, int SectionsRead, bool Truncated, IReadOnlyList<string> Warnings);
