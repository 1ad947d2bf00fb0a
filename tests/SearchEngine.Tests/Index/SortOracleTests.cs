using SearchEngine.Core.Analysis;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Date orders against a brute-force sort of every match: paging through all the hits of a query (grouped by
/// document or not, words or filters only) yields exactly the matches, newest (or oldest) first, undated last,
/// ties by score. Generated documents over three segments, with few distinct dates so ties are common.
/// </summary>
public sealed class SortOracleTests : TempFolderTest
{
    private const int PageSize = 7;

    [Theory]
    [InlineData(5, SearchSort.DateDesc)]
    [InlineData(5, SearchSort.DateAsc)]
    [InlineData(808, SearchSort.DateDesc)]
    [InlineData(808, SearchSort.DateAsc)]
    public void Should_page_through_every_match_in_the_order_of_a_brute_force_sort(int seed, SearchSort sort)
    {
        // Given generated documents with dates, years only, or neither
        var snapshot = BuildIndex(seed, Dated(RandomCorpus.Generate(seed, 150), seed));
        var engine = new IndexSearcher(snapshot, ChineseAnalyzer.Default, SynonymMap.Default);
        var oracle = new BruteForceSearcher(snapshot, ChineseAnalyzer.Default);
        var random = new Random(seed);
        for (int q = 0; q < 24; q++)
        {
            var (query, filters) = RandomQuery(random);
            foreach (bool group in new[] { true, false })
            {
                string context = $"seed {seed}, {sort}, query #{q} '{query}' group={group}";
                var expected = Expected(oracle, query, filters, group, sort);

                // When every page is asked for
                var hits = new List<SearchHit>();
                SearchResult? first = null;
                for (int page = 1; (page - 1) * PageSize < Math.Max(1, expected.Count); page++)
                {
                    var result = engine.Search(new SearchRequest { Query = query, Filters = filters, GroupByDocument = group, Sort = sort, Page = page, Size = PageSize, Highlight = false, Facets = false });
                    first ??= result;
                    hits.AddRange(result.Hits);
                }

                // Then the pages hold every match once, each where the brute-force order puts it (or beside an equal)
                Assert.True(expected.Count == (group ? first!.TotalDocuments : first!.Total), $"{context}: total {first.Total}/{first.TotalDocuments}, expected {expected.Count}");
                Assert.True(expected.Count == hits.Count, $"{context}: {hits.Count} hits over the pages, expected {expected.Count}");
                Assert.True(hits.Select(h => (h.DocumentId, h.SectionId)).Distinct().Count() == hits.Count, $"{context}: a hit appears on two pages");
                for (int i = 0; i < hits.Count; i++)
                {
                    var want = expected[i];
                    var equals = expected.Where(e => e.Day == want.Day && Math.Abs(e.Score - want.Score) <= 1e-9 * Math.Max(1, want.Score)).Select(e => (e.DocumentId, e.SectionId));
                    Assert.True(equals.Contains((hits[i].DocumentId, hits[i].SectionId)),
                        $"{context}: hit {i} is {hits[i].DocumentId}#{hits[i].SectionId} ({Day(hits[i].Date, hits[i].Year)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "undated"}, {hits[i].Score:F6}), expected {want.DocumentId}#{want.SectionId} ({want.Day}, {want.Score:F6})");
                }
            }
        }
    }

    [Theory]
    [InlineData(SearchSort.DateDesc)]
    [InlineData(SearchSort.DateAsc)]
    public void Should_score_only_the_sections_whose_date_can_reach_the_page_yet_answer_exactly(SearchSort sort)
    {
        // Given many documents and a common word
        var snapshot = BuildIndex(4242, Dated(RandomCorpus.Generate(4242, 700), 4242));
        var oracle = new BruteForceSearcher(snapshot, ChineseAnalyzer.Default);

        // When the second page of sections is asked for by date
        var result = new IndexSearcher(snapshot).Search(new SearchRequest { Query = "发展", GroupByDocument = false, Sort = sort, Page = 2, Size = 10, Highlight = false });

        // Then most matches were counted without being scored, and the page is the brute-force one
        Assert.True(result.ScoredSections * 2 < result.Total, $"scored {result.ScoredSections} of {result.Total}");
        var expected = Expected(oracle, "发展", SearchFilters.None, group: false, sort).Skip(10).Take(10).ToList();
        Assert.Equal(expected.Count, result.Hits.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].Day == Day(result.Hits[i].Date, result.Hits[i].Year), $"hit {i}: day {Day(result.Hits[i].Date, result.Hits[i].Year)}, expected {expected[i].Day}");
            Assert.True(Math.Abs(expected[i].Score - result.Hits[i].Score) <= 1e-9 * Math.Max(1, expected[i].Score), $"hit {i}: score {result.Hits[i].Score}, expected {expected[i].Score}");
        }
    }

    internal sealed record Ranked(int? Day, double Score, string DocumentId, int SectionId);

    /// <summary>Every match in the order asked for, computed the plainest way: evaluate all sections, sort them all.</summary>
    private static List<Ranked> Expected(BruteForceSearcher oracle, string query, SearchFilters filters, bool group, SearchSort sort)
    {
        var parsed = QueryParser.Parse(query);
        var all = filters.And(parsed.Filters);
        var clause = new QueryCompiler(ChineseAnalyzer.Default, SynonymMap.Default).Compile(parsed.Root).Clause ?? (all.IsEmpty ? null : new MatchAllClause());
        if (clause is null)
            return [];
        var matches = oracle.Sections
            .Where(s => BruteForceSearcher.Failures(s, all) == 0)
            .Select(s => (Section: s, Score: oracle.Evaluate(clause, s)))
            .Where(m => m.Score is not null)
            .Select(m => (m.Section, Score: m.Score!.Value))
            .ToList();
        if (group)
        {
            matches = [.. matches.GroupBy(m => m.Section.Document.Id)
                .Select(g => g.OrderByDescending(m => m.Score).ThenBy(m => m.Section.SectionOrd).First())];
        }
        return [.. matches
            .Select(m => (m.Section, m.Score, Day: Day(m.Section.Document.Date, m.Section.Document.Year)))
            .OrderBy(m => m.Day is null ? 1 : 0)
            .ThenBy(m => sort == SearchSort.DateDesc ? -(m.Day ?? 0) : m.Day ?? 0)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.Section.Segment).ThenBy(m => m.Section.SectionOrd)
            .Select(m => new Ranked(m.Day, m.Score, m.Section.Document.Id, m.Section.Record.SectionIndex))];
    }

    /// <summary>The day a document is sorted by: its date, else 1 January of its year; null without either.</summary>
    private static int? Day(DateOnly? date, int? year) => date?.DayNumber ?? (year is { } y ? new DateOnly(y, 1, 1).DayNumber : null);

    /// <summary>Gives about half the documents a date in their year, from few distinct days (so dates tie), and leaves some undated.</summary>
    private static List<DocumentRecord> Dated(List<DocumentRecord> documents, int seed)
    {
        var random = new Random(seed + 1);
        return [.. documents.Select(d => random.Next(6) switch
        {
            0 => d with { Date = null, Year = null },
            1 or 2 => d,
            _ => d.Year is { } y ? d with { Date = new DateOnly(y, 1 + (4 * random.Next(3)), 1 + (14 * random.Next(2))) } : d,
        })];
    }

    private IndexSnapshot BuildIndex(int seed, List<DocumentRecord> documents)
    {
        using var writer = IndexWriter.Open(Path.Combine(Folder, seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // Three commits make three segments.
        foreach (var chunk in documents.Chunk((documents.Count / 3) + 1))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        return writer.Snapshot;
    }

    private static (string Query, SearchFilters Filters) RandomQuery(Random random)
    {
        string Word() => RandomCorpus.Words[random.Next(RandomCorpus.Words.Length)];
        string query = random.Next(6) switch
        {
            0 => Word(),
            1 => $"{Word()} {Word()}",
            2 => $"{Word()} OR {Word()}",
            3 => $"\"{Word()}{Word()}\"",
            4 => $"{Word()} -{Word()}",
            _ => "",
        };
        var filters = SearchFilters.None;
        if (random.Next(3) == 0)
            filters = filters with { Issuers = [RandomCorpus.Issuers[random.Next(RandomCorpus.Issuers.Length)]] };
        if (random.Next(4) == 0)
            filters = filters with { YearFrom = 2017 + random.Next(4), YearTo = 2020 + random.Next(5) };
        if (query.Length == 0 && filters.IsEmpty)
            filters = filters with { Types = [RandomCorpus.Types[random.Next(RandomCorpus.Types.Length)]] };
        return (query, filters);
    }
}
