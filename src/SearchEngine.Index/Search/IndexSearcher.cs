using System.Diagnostics;
using SearchEngine.Core.Analysis;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Highlighting;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Index.Search;

/// <summary>
/// Runs searches against one snapshot: parse, analyse, then per segment iterate the matching sections,
/// applying deletions and filters, counting facets over every match and keeping the top hits (grouped by
/// document or not, by relevance or by date), and finally reads and highlights the requested page. Thread-safe.
/// </summary>
public sealed class IndexSearcher(IndexSnapshot snapshot, ChineseAnalyzer analyzer, SynonymMap synonyms)
{
    private readonly QueryCompiler _compiler = new(analyzer, synonyms);
    private readonly Highlighter _highlighter = new(analyzer);

    public IndexSearcher(IndexSnapshot snapshot) : this(snapshot, ChineseAnalyzer.Default, SynonymMap.Default)
    {
    }

    public IndexSnapshot Snapshot => snapshot;

    public SearchResult Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var parsed = QueryParser.Parse(request.Query);
        var (clause, filters, warnings, compiled, empty) = Prepare(parsed, request.Filters, request.MatchAllWhenEmpty, request.Expand);
        if (clause is null)
        {
            if (empty && warnings.Count == 0)
                warnings.Add("The query is empty: type a word to search, or choose a filter.");
            return new SearchResult(request.Query, 0, 0, clock.Elapsed.TotalMilliseconds, warnings, [], new FacetCollector().Result(request.FacetLimit, filters))
            {
                QueryFilters = parsed.QueryFilters,
            };
        }

        int keep = Math.Max(1, request.Page) * Math.Max(1, request.Size);
        var (collector, facets, scored) = Collect(clause, filters, request, keep);
        RelaxedMatch? relaxed = null;
        if (collector.TotalSections == 0 && compiled.Conjuncts.Count > 0)
        {
            // No section holds every word: say which words occur nowhere, and offer documents that hold them in
            // different sections, or else the sections that hold the most (rarest) words.
            var relaxation = new QueryRelaxation(this, compiled.Conjuncts, compiled.Excluded, filters, request, keep);
            warnings.AddRange(relaxation.Absent.Select(label => $"'{label}' does not occur in any document."));
            if (relaxation.Run() is { } outcome)
            {
                relaxed = outcome.Notice;
                (collector, facets, scored) = (outcome.Collector, outcome.Facets, outcome.Scored);
            }
        }

        var page = collector.Top().Skip((Math.Max(1, request.Page) - 1) * request.Size).Take(request.Size);
        // Many hits of one document (group=section, or a long document's sections) share its stored record:
        // it is decompressed once per search, not once per hit.
        var documents = new Dictionary<(int Segment, int DocOrd), StoredDocument>();
        var hits = page.Select(c => Hydrate(c, compiled.Highlight, request, documents)).ToList();
        return new SearchResult(request.Query, collector.TotalSections, collector.TotalDocuments, clock.Elapsed.TotalMilliseconds,
            warnings, hits, request.Facets ? facets.Result(request.FacetLimit, filters) : new Dictionary<string, IReadOnlyList<FacetValue>>())
        {
            FacetSizes = facets.Sizes,
            QueryFilters = parsed.QueryFilters,
            ScoredSections = scored,
            Expansions = compiled.Expansions,
            Relaxed = relaxed,
        };
    }

    /// <summary>Runs a clause over every segment: the kept hits, the facets and how many sections were scored.</summary>
    internal (HitCollector Collector, FacetCollector Facets, long Scored) Collect(Clause clause, SearchFilters filters, SearchRequest request, int keep)
    {
        var collector = new HitCollector(keep, request.GroupByDocument, request.Sort);
        var facets = new FacetCollector();
        var bm25 = new Dictionary<int, Bm25F>();
        long scored = 0;
        for (int s = 0; s < snapshot.Segments.Count; s++)
        {
            var view = snapshot.Segments[s];
            var matcher = Build(clause, view, bm25);
            var filter = new SegmentFilter(view.Reader, filters);
            facets.StartSegment(view.Reader.Values);
            collector.StartSegment(s, view.Reader.Values);
            var sectionDocument = view.Reader.SectionDocument;
            var firstSection = view.Reader.FirstSection;
            var deleted = view.Deleted;
            bool countFacets = request.Facets, unfiltered = filter.IsEmpty;
            int doc = matcher.NextDoc();
            while (doc != Matcher.NoMoreDocs)
            {
                int docOrd = sectionDocument[doc];
                if (deleted[docOrd])
                {
                    doc = NextDocument(matcher, doc, firstSection[docOrd + 1]);
                    continue;
                }
                int failures = unfiltered ? 0 : filter.Failures(doc, docOrd);
                if (countFacets && (failures & (failures - 1)) == 0)
                    facets.Collect(doc, docOrd, failures);
                if (failures != 0)
                {
                    // A filter on the document (issuer, year, region, type) fails for its every section alike: the
                    // facet of that filter has just counted the document, once, and no other section can count
                    // anywhere else, so the rest of the document is skipped, not matched section by section (a
                    // common word filtered by year visited every section of every other year).
                    doc = (failures & SegmentFilter.SectionLevel) == 0 ? NextDocument(matcher, doc, firstSection[docOrd + 1]) : matcher.NextDoc();
                    continue;
                }
                if (collector.CanMatter(matcher.MaxScore(), doc, docOrd) && collector.CanMatter(matcher.SectionMaxScore(collector.Bar(docOrd)), doc, docOrd))
                {
                    collector.Collect(doc, docOrd, matcher.Score());
                    scored++;
                }
                else
                    collector.Count(doc, docOrd);
                doc = matcher.NextDoc();
            }
        }
        collector.Finish();
        return (collector, facets, scored);
    }

    /// <summary>The matcher's next section in a later document than the current section's, whose successor starts at <paramref name="nextDocumentStart"/>.</summary>
    private static int NextDocument(Matcher matcher, int doc, int nextDocumentStart) =>
        nextDocumentStart > doc + 1 ? matcher.Advance(nextDocumentStart) : matcher.NextDoc();

    /// <summary>
    /// What a search for <paramref name="query"/> matches, to mark in a document's text: the same compiled query
    /// the search runs (synonyms included unless <paramref name="expand"/> is false; phrases as phrases).
    /// </summary>
    public HighlightTerms HighlightTermsFor(string query, bool expand = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _compiler.Compile(QueryParser.Parse(query).Root, expand).Highlight;
    }

    /// <summary>
    /// 趋势 — distinct matching documents by issuer and year (for comparing who published on a term, and when).
    /// Documents without a year are left out. With <paramref name="expand"/> false, synonyms are not applied, as in
    /// a search with <see cref="SearchRequest.Expand"/> off, so the counts are those of the same search.
    /// </summary>
    public IReadOnlyList<TrendCell> Trend(string query, SearchFilters? filters = null, bool expand = true)
    {
        var (clause, allFilters, _, _, _) = Prepare(QueryParser.Parse(query), filters ?? SearchFilters.None, matchAllWhenEmpty: false, expand);
        var counts = new Dictionary<(string Issuer, int Year), int>();
        if (clause is null)
            return [];
        var bm25 = new Dictionary<int, Bm25F>();
        foreach (var view in snapshot.Segments)
        {
            var matcher = Build(clause, view, bm25);
            var filter = new SegmentFilter(view.Reader, allFilters);
            var values = view.Reader.Values;
            var firstSection = view.Reader.FirstSection;
            int doc = matcher.NextDoc();
            while (doc != Matcher.NoMoreDocs)
            {
                int docOrd = view.Reader.SectionDocument[doc];
                bool countable = !view.Deleted[docOrd] && values.Year[docOrd] >= 0;
                int failures = countable ? filter.Failures(doc, docOrd) : 0;
                if (countable && failures == 0)
                {
                    foreach (int issuer in values.DocumentIssuers[docOrd])
                    {
                        var key = (values.Issuers[issuer], values.Year[docOrd]);
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
                // A document counts once. Counted, deleted, undated or failing a filter on its own values, no later
                // section of it changes that: only a filter on a section's values (industry, unit) lets one pass.
                bool decided = !countable || (failures & SegmentFilter.SectionLevel) == 0;
                doc = decided ? NextDocument(matcher, doc, firstSection[docOrd + 1]) : matcher.NextDoc();
            }
        }
        return [.. counts.OrderBy(kv => kv.Key.Issuer, StringComparer.Ordinal).ThenBy(kv => kv.Key.Year).Select(kv => new TrendCell(kv.Key.Issuer, kv.Key.Year, kv.Value))];
    }

    /// <summary>
    /// Parse, merge the query's filters with the request's, analyse: the clause to run (a match-all one for a
    /// query of filters only, or when asked to), the warnings, the compiled query (terms to highlight, expansions),
    /// and whether no words were given.
    /// </summary>
    private (Clause? Clause, SearchFilters Filters, List<string> Warnings, QueryCompiler.Result Compiled, bool Empty) Prepare(
        ParsedQuery parsed, SearchFilters filters, bool matchAllWhenEmpty, bool expand)
    {
        var all = filters.And(parsed.Filters);
        var compiled = _compiler.Compile(parsed.Root, expand);
        var clause = compiled.Clause ?? (all.IsEmpty && !matchAllWhenEmpty ? null : new MatchAllClause());
        return (clause, all, [.. parsed.Warnings, .. compiled.Warnings], compiled, parsed.Root is null);
    }

    private SearchHit Hydrate(HitCollector.Candidate c, HighlightTerms terms, SearchRequest request, Dictionary<(int Segment, int DocOrd), StoredDocument> documents)
    {
        var view = snapshot.Segments[c.Segment];
        if (!documents.TryGetValue((c.Segment, c.DocOrd), out var stored))
            documents[(c.Segment, c.DocOrd)] = stored = view.Reader.OpenDocument(c.DocOrd);
        var document = stored.Outline;
        int first = view.Reader.FirstSection[c.DocOrd];
        var section = stored.Section(c.Section - first); // only this section's text is decompressed
        string text = section.Body.Length > 0 ? section.Body : section.HeadingText;
        string snippet = request.Highlight ? _highlighter.Snippet(text, terms, request.SnippetLength) : Highlighter.Escape(text.Length > request.SnippetLength ? text[..request.SnippetLength] + "…" : text);
        var others = c.Others.Select(o => new SectionMatch(document.Sections[o.Section - first].SectionIndex, document.Sections[o.Section - first].HeadingPath, o.Score)).ToList();
        return new SearchHit(document.Id, section.SectionIndex, document.Title, document.Issuers, document.DocumentNumber, document.Date,
            document.Year, document.Region, document.Type, section.Industries.Count > 0 ? section.Industries : document.Industries,
            section.Units, section.HeadingPath, snippet, c.Score, document.Source, document.AlternateSources, others)
        { Inferred = document.Inferred };
    }

    internal Matcher Build(Clause clause, SegmentView view, Dictionary<int, Bm25F> bm25)
    {
        var reader = view.Reader;
        switch (clause)
        {
            case TermClause t:
                if (!reader.TryGetTerm(t.Term, out var info))
                    return EmptyMatcher.Instance;
                return new TermMatcher(new PostingsCursor(reader, info), reader, Scoring(bm25, t.FieldMask), Idf(t.Term) * t.Weight, t.FieldMask, LengthFactor(reader));
            case PhraseClause p:
                var cursors = new PostingsCursor[p.Terms.Count];
                double idf = 0;
                for (int i = 0; i < cursors.Length; i++)
                {
                    if (!reader.TryGetTerm(p.Terms[i], out var pi))
                        return EmptyMatcher.Instance;
                    cursors[i] = new PostingsCursor(reader, pi);
                    idf += Idf(p.Terms[i]);
                }
                return new PhraseMatcher(cursors, [.. p.Offsets], p.FieldMask, reader, Scoring(bm25, p.FieldMask), idf * p.Weight, p.Slop);
            case AllClause all:
                var required = all.Children.Select(c => Build(c, view, bm25)).ToList();
                return required.Any(m => m is EmptyMatcher) ? EmptyMatcher.Instance : new ConjunctionMatcher(required);
            case AnyClause any:
                var options = Alternatives(any).Select(c => Build(c, view, bm25)).Where(m => m is not EmptyMatcher).ToList();
                return options.Count switch { 0 => EmptyMatcher.Instance, 1 => options[0], _ => new DisjunctionMatcher(options) };
            case ExcludeClause ex:
                var positive = Build(ex.Required, view, bm25);
                var negative = Build(ex.Excluded, view, bm25);
                return positive is EmptyMatcher || negative is EmptyMatcher ? positive : new ExclusionMatcher(positive, negative);
            case SeriesClause series:
                // Decided for the whole snapshot, not per segment, so one query never mixes a list and a ranking.
                if (snapshot.DocFrequency(series.Term) > 0)
                    return reader.TryGetTerm(series.Term, out var seriesInfo) ? new SeriesMatcher(new PostingsCursor(reader, seriesInfo), reader) : EmptyMatcher.Instance;
                return series.Text is null ? EmptyMatcher.Instance : Build(series.Text, view, bm25);
            case MatchAllClause:
                return new AllSectionsMatcher(reader.SectionCount);
            default:
                throw new InvalidOperationException($"Unknown clause {clause.GetType().Name}.");
        }
    }

    /// <summary>
    /// The alternatives of a disjunction with nested disjunctions lifted into it and a term repeated over the same
    /// fields joined into one with the weights added: 芯片 | 集成电路 | 半导体 with their synonyms names 集成电路 three
    /// times and 芯片 twice, and one cursor per term reads each postings list once. The score is the same sum (a
    /// term's score is linear in its weight), and the clause the query compiled to is left as it was.
    /// </summary>
    private static List<Clause> Alternatives(AnyClause any)
    {
        var weights = new Dictionary<(string Term, int FieldMask), double>();
        var alternatives = new List<Clause>();
        void Lift(Clause clause)
        {
            switch (clause)
            {
                case AnyClause nested:
                    foreach (var child in nested.Children)
                        Lift(child);
                    break;
                case TermClause t when weights.TryGetValue((t.Term, t.FieldMask), out double weight):
                    weights[(t.Term, t.FieldMask)] = weight + t.Weight;
                    break;
                case TermClause t:
                    weights[(t.Term, t.FieldMask)] = t.Weight;
                    alternatives.Add(t);
                    break;
                default:
                    alternatives.Add(clause);
                    break;
            }
        }
        Lift(any);
        return [.. alternatives.Select(c => c is TermClause t ? t with { Weight = weights[(t.Term, t.FieldMask)] } : c)];
    }

    /// <summary>max over fields of (collection average / segment average), at least 1; a little more for rounding.</summary>
    private double LengthFactor(Storage.SegmentReader reader)
    {
        double factor = 1;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
            factor = Math.Max(factor, snapshot.AverageLengths[f] / Math.Max(reader.BuildAverageLengths[f], 1e-9));
        return factor * (1 + 1e-9);
    }

    private Bm25F Scoring(Dictionary<int, Bm25F> cache, int mask)
    {
        if (!cache.TryGetValue(mask, out var scoring))
            cache[mask] = scoring = new Bm25F(snapshot.AverageLengths, mask);
        return scoring;
    }

    internal double Idf(string term) => Bm25F.Idf(snapshot.DocFrequency(term), Math.Max(snapshot.SectionCount, 1));
}
