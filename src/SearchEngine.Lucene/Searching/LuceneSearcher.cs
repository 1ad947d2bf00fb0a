using System.Diagnostics;
using SearchEngine.Core.Analysis;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// Runs searches against one snapshot as the native engine does: parse, merge the query's filters with the request's,
/// plan the Lucene query, collect every matching section, check filters per section (counting facets with
/// multi-select), relax the query when no section holds every word, group and order the hits, and read and
/// highlight the requested page.
/// </summary>
internal sealed class LuceneSearcher(LuceneSnapshot snapshot)
{
    private static readonly Highlighter SnippetHighlighter = new(ChineseAnalyzer.Default);

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var parsed = QueryParser.Parse(request.Query);
        var filters = request.Filters.And(parsed.Filters);
        var prepared = snapshot.Planner.Prepare(parsed.Root, request.Expand, snapshot.Reader);
        var warnings = new List<string>([.. parsed.Warnings, .. prepared.Warnings]);
        var query = prepared.Query ?? (filters.IsEmpty && !request.MatchAllWhenEmpty ? null : ClauseTranslator.AllSections());
        if (query is null)
        {
            if (parsed.Root is null && warnings.Count == 0)
                warnings.Add("The query is empty: type a word to search, or choose a filter.");
            return new SearchResult(request.Query, 0, 0, clock.Elapsed.TotalMilliseconds, warnings, [], new FacetCounter().Result(request.FacetLimit, filters))
            {
                QueryFilters = parsed.QueryFilters,
            };
        }

        var filter = new SectionFilter(filters);
        var (passing, facets) = Collect(query, filter, request.Facets);
        RelaxedMatch? relaxed = null;
        List<HitGrouper.Hit>? hits = null;
        if (passing.Count == 0 && prepared.Relaxable.Words.Count > 0)
        {
            // No section holds every word: say which words occur nowhere, and offer documents that hold them in
            // different sections, or else the sections that hold the most (rarest) words.
            var relaxation = new QueryRelaxation(prepared.Relaxable, Matches, filter);
            warnings.AddRange(relaxation.Absent.Select(label => $"'{label}' does not occur in any document."));
            if (relaxation.Run() is { } outcome)
            {
                relaxed = outcome.Notice;
                if (outcome.Required is { } required)
                    (passing, facets) = Collect(AllOf(required), filter, request.Facets);
                else
                {
                    (passing, hits) = (outcome.Sections, outcome.Hits);
                    facets = new FacetCounter();
                    foreach (var (_, _, section) in passing.Where(_ => request.Facets))
                        facets.Collect(section, 0);
                }
            }
        }
        var sort = prepared.ListsSeries && request.Sort == SearchSort.Relevance ? SearchSort.DateDesc : request.Sort;
        hits ??= HitGrouper.Order(passing, request.GroupByDocument, sort);
        int size = Math.Max(0, request.Size);
        var records = new Dictionary<string, LuceneStoredDocument>(StringComparer.Ordinal);
        var page = hits.Skip((Math.Max(1, request.Page) - 1) * size).Take(size)
            .Select(h => Hydrate(h, prepared.Highlight, request, records)).ToList();
        return new SearchResult(request.Query, passing.Count, passing.Select(p => p.Section.DocumentId).Distinct(StringComparer.Ordinal).Count(),
            clock.Elapsed.TotalMilliseconds, warnings, page,
            request.Facets ? facets.Result(request.FacetLimit, filters) : new Dictionary<string, IReadOnlyList<FacetValue>>())
        {
            FacetSizes = facets.Sizes,
            QueryFilters = parsed.QueryFilters,
            ScoredSections = passing.Count,
            Expansions = prepared.Expansions,
            Relaxed = relaxed,
        };
    }

    /// <summary>The matching sections that pass the filters, and the facets counted over every match (multi-select).</summary>
    private (List<(int Doc, float Score, SectionInfo Section)> Passing, FacetCounter Facets) Collect(global::Lucene.Net.Search.Query query, SectionFilter filter, bool countFacets)
    {
        var facets = new FacetCounter();
        var passing = new List<(int Doc, float Score, SectionInfo Section)>();
        foreach (var (doc, score, section) in Matches(query))
        {
            int failures = filter.Failures(section);
            if (countFacets)
                facets.Collect(section, failures);
            if (failures == 0)
                passing.Add((doc, score, section));
        }
        return (passing, facets);
    }

    /// <summary>Every one of the words, less the excluded part.</summary>
    private static global::Lucene.Net.Search.BooleanQuery AllOf(RelaxableWords words)
    {
        var all = new global::Lucene.Net.Search.BooleanQuery();
        foreach (var word in words.Words)
            all.Add(word.Query, global::Lucene.Net.Search.Occur.MUST);
        if (words.Excluded is not null)
            all.Add(words.Excluded, global::Lucene.Net.Search.Occur.MUST_NOT);
        return all;
    }

    /// <summary>What a search for the query marks in a document's text: the same planned query's terms and phrases.</summary>
    public HighlightTerms HighlightTermsFor(string query, bool expand)
    {
        ArgumentNullException.ThrowIfNull(query);
        return snapshot.Planner.Prepare(QueryParser.Parse(query).Root, expand, snapshot.Reader).Highlight;
    }

    /// <summary>趋势 — distinct matching documents by issuer and year; documents without a year are left out.</summary>
    public IReadOnlyList<TrendCell> Trend(string query, SearchFilters filters, bool expand)
    {
        var parsed = QueryParser.Parse(query);
        var all = filters.And(parsed.Filters);
        var prepared = snapshot.Planner.Prepare(parsed.Root, expand, snapshot.Reader);
        var lucene = prepared.Query ?? (all.IsEmpty ? null : ClauseTranslator.AllSections());
        if (lucene is null)
            return [];
        var filter = new SectionFilter(all);
        var documents = new Dictionary<string, SectionInfo>(StringComparer.Ordinal);
        foreach (var (_, _, section) in Matches(lucene))
        {
            if (section.Year >= 0 && filter.Failures(section) == 0)
                documents.TryAdd(section.DocumentId, section);
        }
        return [.. documents.Values.SelectMany(s => s.Issuers.Select(i => (Issuer: i, s.Year)))
            .GroupBy(k => k).OrderBy(g => g.Key.Issuer, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => new TrendCell(g.Key.Issuer, g.Key.Year, g.Count()))];
    }

    /// <summary>Every live section the query matches, with its score and doc values, in doc order.</summary>
    private IEnumerable<(int Doc, float Score, SectionInfo Section)> Matches(global::Lucene.Net.Search.Query query)
    {
        var collector = new MatchCollector();
        snapshot.Searcher.Search(query, collector);
        var sections = snapshot.Table.Sections;
        foreach (var (doc, score) in collector.Matches)
        {
            if (sections[doc] is { } section)
                yield return (doc, score, section);
        }
    }

    private SearchHit Hydrate(HitGrouper.Hit hit, HighlightTerms terms, SearchRequest request, Dictionary<string, LuceneStoredDocument> records)
    {
        string id = hit.Section.DocumentId;
        // Many hits of one document (ungrouped, or a long document's sections) share its outline: read once per search.
        if (!records.TryGetValue(id, out var stored))
            records[id] = stored = snapshot.OpenDocument(id) ?? throw new InvalidOperationException($"Section of '{id}' without its document record.");
        var document = stored.Outline;
        var section = document.Sections[hit.Section.Position];
        string body = stored.Body(hit.Section.Position); // only this section's text is read
        string text = body.Length > 0 ? body : section.HeadingText;
        string snippet = request.Highlight
            ? SnippetHighlighter.Snippet(text, terms, request.SnippetLength)
            : Highlighter.Escape(text.Length > request.SnippetLength ? text[..request.SnippetLength] + "…" : text);
        var others = hit.Others.Select(o =>
        {
            var other = document.Sections[snapshot.Table.Sections[o.Doc]!.Position];
            return new SectionMatch(other.SectionIndex, other.HeadingPath, o.Score);
        }).ToList();
        return new SearchHit(document.Id, section.SectionIndex, document.Title, document.Issuers, document.DocumentNumber, document.Date,
            document.Year, document.Region, document.Type, section.Industries.Count > 0 ? section.Industries : document.Industries,
            section.Units, section.HeadingPath, snippet, hit.Score, document.Source, document.AlternateSources, others)
        { Inferred = document.Inferred };
    }
}
