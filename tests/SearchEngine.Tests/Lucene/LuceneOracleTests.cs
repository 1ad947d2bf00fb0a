using SearchEngine.Core.Analysis;
using SearchEngine.Index.Search;
using SearchEngine.Lucene;
using SearchEngine.Search;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;
using SearchEngine.Tests.Index;
using SearchEngine.Tests.Support;
using NativeWriter = SearchEngine.Index.Indexing.IndexWriter;

namespace SearchEngine.Tests.Lucene;

/// <summary>
/// On generated corpora (several segments) and random queries, the Lucene.Net engine matches exactly the sections
/// the brute-force scan matches, and counts the facets the native engine counts. Scores are not compared: Lucene's
/// per-field BM25 is not the native BM25F. A query no section fully matches is relaxed as the native engine relaxes it
/// (itself checked against the scan in OracleTests).
/// </summary>
public sealed class LuceneOracleTests : TempFolderTest
{
    [Theory]
    [InlineData(11)]
    [InlineData(2024)]
    [InlineData(77777)]
    public void Should_match_the_sections_a_brute_force_scan_matches(int seed)
    {
        // Given one generated corpus indexed by both engines in three commits
        var documents = RandomCorpus.Generate(seed, 120);
        var native = Build(documents, Path.Combine(Folder, "native"));
        var lucene = BuildLucene(documents, Path.Combine(Folder, "lucene"));
        var oracle = new BruteForceSearcher(native, ChineseAnalyzer.Default);
        var compiler = new QueryCompiler(ChineseAnalyzer.Default, SynonymMap.Default);
        var random = new Random(seed);
        int matched = 0;
        for (int q = 0; q < 60; q++)
        {
            // When a random query runs ungrouped, every match on one page
            var (query, filters, _) = OracleTests.RandomQuery(random);
            var request = new SearchRequest { Query = query, Filters = filters, GroupByDocument = false, Size = 100_000, Highlight = false };
            var actual = lucene.Search(request);
            var parsed = QueryParser.Parse(query);
            var all = filters.And(parsed.Filters);
            var clause = compiler.Compile(parsed.Root).Clause ?? (all.IsEmpty ? null : new MatchAllClause());
            string context = $"seed {seed}, query #{q} '{query}' filters={OracleTests.Describe(filters)}";

            // Then a relaxed answer is the native engine's: the same notice and the same hits
            var nativeAll = native.Search(request);
            if (nativeAll.Relaxed is not null)
            {
                Assert.True(nativeAll.Relaxed.Mode == actual.Relaxed?.Mode && nativeAll.Relaxed.NotRequired.SequenceEqual(actual.Relaxed.NotRequired),
                    $"{context}: relaxed {actual.Relaxed}, native {nativeAll.Relaxed}");
                // By document, each document's best section is chosen by score, which differs between the engines.
                if (actual.Relaxed.Mode == RelaxedMatch.DocumentMode)
                    Assert.Equal(nativeAll.Hits.Select(h => h.DocumentId).Order(), actual.Hits.Select(h => h.DocumentId).Order());
                else
                    Assert.Equal(nativeAll.Hits.Select(h => (h.DocumentId, h.SectionId)).Order(), actual.Hits.Select(h => (h.DocumentId, h.SectionId)).Order());
                Assert.Equal(nativeAll.Total, actual.Total);
                continue;
            }
            Assert.Null(actual.Relaxed);

            // Otherwise its sections are those the scan finds holding the query and passing the filters
            var expected = clause is null ? [] : oracle.Sections
                .Where(s => oracle.Evaluate(clause, s) is not null && BruteForceSearcher.Failures(s, all) == 0)
                .Select(s => (s.Document.Id, s.Record.SectionIndex)).Order().ToList();
            var got = actual.Hits.Select(h => (h.DocumentId, h.SectionId)).Order().ToList();
            Assert.True(expected.SequenceEqual(got), $"{context}: {got.Count} sections, expected {expected.Count}");
            Assert.Equal(expected.Count, actual.Total);
            matched += expected.Count > 0 ? 1 : 0;

            // And its facets are the native engine's (itself checked against the scan in OracleTests)
            var nativeResult = native.Search(request with { GroupByDocument = true, Size = 10 });
            Assert.True(nativeResult.Facets.All(f => f.Value.SequenceEqual(actual.Facets[f.Key])), $"{context}: facets differ");
        }
        Assert.True(matched >= 30, $"only {matched} of 60 queries matched anything: the check says little");
    }

    private static IndexSnapshot Build(List<DocumentRecord> documents, string folder)
    {
        using var writer = NativeWriter.Open(folder);
        foreach (var chunk in documents.Chunk(45))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        return writer.Snapshot;
    }

    private static IIndexSnapshot BuildLucene(List<DocumentRecord> documents, string folder)
    {
        using var writer = new LuceneEngine().OpenWriter(folder);
        foreach (var chunk in documents.Chunk(45))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        return writer.Snapshot;
    }
}
