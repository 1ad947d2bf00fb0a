using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchEngine.Core.Targets;
using SearchEngine.Search.Targets;

namespace SearchEngine.Web.Endpoints;

/// <summary>规划目标 — the quantified goals plans set, found by indicator and filtered like a search.</summary>
internal static class TargetEndpoints
{
    /// <summary>Most targets one response lists.</summary>
    internal const int MaxTargets = 500;

    public static void MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").WithTags("Targets").MapGet("/targets", Find).RequireRateLimiting(CostlyRequests.Policy)
            .WithSummary("Plan targets (indicator, kind, bound, value, unit, target year, baseline, sentence) of the sections a query matches under the filters, whose indicator the query matches (in=sentence: anywhere in the sentence); by issuer and year in byIssuerYear for comparison")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }

    /// <summary>One target as the API gives it: the record, where it is, and its sentence marked for the query.</summary>
    internal sealed record TargetView(
        string DocumentId, string Title, IReadOnlyList<string> Issuers, string? DocumentNumber, DateOnly? Date, int? Year,
        string? Region, string? Type, int Section, IReadOnlyList<string> HeadingPath,
        string Indicator, string? IndicatorHighlighted, string Kind, string Comparison, decimal Value, decimal? ValueMax, string Unit,
        int? TargetYear, decimal? BaselineValue, int? BaselineYear, string Sentence, string? SentenceHighlighted, int ValueStart, int ValueEnd);

    /// <summary>One cell of the comparison: an issuer's targets for a year (the target year, else the document's).</summary>
    internal sealed record IssuerYearCell(string Issuer, int? Year, int Targets);

    internal sealed record TargetsResponse(
        string Query, int Total, int Documents, int SectionsRead, bool Truncated, IReadOnlyList<TargetView> Targets,
        IReadOnlyList<IssuerYearCell> ByIssuerYear, IReadOnlyList<string> Warnings);

    private static Results<Ok<TargetsResponse>, ProblemHttpResult> Find(
        SearchService service, IOptions<WebOptions> options, HttpRequest request,
        [Description("The indicator's words (研发经费, 高新技术企业), in the query language; empty: every target under the filters.")] string? q,
        [AsParameters] FilterParameters filter,
        [Description("indicator (default): the query must match the target's indicator; sentence: anywhere in its sentence.")] string? @in,
        [Description("Only targets for this year (到2025年 gives 2025).")] int? targetYear,
        [Description("false: match only the literal words, without synonyms.")] bool expand = true,
        [Description("Most targets listed, at most 500."), Range(1, MaxTargets)] int size = 100)
    {
        if ((SearchChecks.Query(q, options.Value) ?? SearchChecks.Between("size", size, 1, MaxTargets)) is { } wrong)
            return Problem(wrong);
        if (@in is not (null or "" or "indicator" or "sentence"))
            return Problem($"in must be 'indicator' or 'sentence'; it was '{@in}'.");
        if (targetYear is < 1900 or > 2200)
            return Problem($"targetYear must be a year; it was {targetYear}.");
        if (!filter.TryGetFilters(out var filters, out var error))
            return Problem(error);
        var answer = TargetSearch.Find(service.Snapshot, new TargetRequest
        {
            Query = q ?? "", Filters = filters, Expand = expand, InSentence = @in == "sentence", TargetYear = targetYear,
        });
        var cells = answer.Targets
            .SelectMany(t => (t.Issuers.Count == 0 ? ["(未知)"] : t.Issuers).Select(issuer => (Issuer: issuer, Year: t.Target.Year ?? t.Year)))
            .GroupBy(c => c)
            .Select(g => new IssuerYearCell(g.Key.Issuer, g.Key.Year, g.Count()))
            .OrderBy(c => c.Issuer, StringComparer.Ordinal).ThenBy(c => c.Year)
            .ToList();
        return TypedResults.Ok(new TargetsResponse(answer.Query, answer.Targets.Count, answer.Documents, answer.SectionsRead, answer.Truncated,
            [.. answer.Targets.Take(size).Select(View)], cells, Localization.ProblemLanguage.Warnings(request, answer.Warnings)));
    }

    internal static TargetView View(TargetHit hit)
    {
        var t = hit.Target;
        return new TargetView(hit.DocumentId, hit.Title, hit.Issuers, hit.DocumentNumber, hit.Date, hit.Year, hit.Region, hit.Type,
            t.Section, hit.HeadingPath, t.Indicator, hit.IndicatorHighlighted, Name(t.Kind), Name(t.Comparison),
            t.Value, t.ValueMax, t.Unit, t.Year, t.BaselineValue, t.BaselineYear, t.Sentence, hit.SentenceHighlighted,
            t.ValueStart - t.SentenceStart, t.ValueEnd - t.SentenceStart);
    }

    /// <summary>An enum value as the API's JSON spells names (atLeast, increase).</summary>
    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static ProblemHttpResult Problem(string detail) => SearchEndpoints.Problem(detail);
}
