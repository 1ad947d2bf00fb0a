using SearchEngine.Core.Analysis;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Querying;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Pruning is sound only if every bound a matcher gives is at least the score it bounds: a section whose bound is
/// too low is counted without being scored and may be missing from the top hits. On a corpus large enough that the
/// words' postings are stored in blocks (with per-block maxima), every match of terms, phrases (exact and sloppy,
/// over all fields and one), conjunctions and disjunctions is checked against its block bound and its section bound
/// at bars below, at and above its score, since a bound may stop narrowing once it is under the bar.
/// </summary>
public sealed class SectionBoundTests : TempFolderTest
{
    [Theory]
    [InlineData(5)]
    [InlineData(4321)]
    public void Given_random_clauses_when_bounding_every_match_then_no_bound_is_below_the_score(int seed)
    {
        using var writer = IndexWriter.Open(Folder);
        foreach (var chunk in RandomCorpus.Generate(seed, 1200).Chunk(500))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit(); // more than one segment, so the collection's average lengths differ from each segment's
        }
        var snapshot = writer.Snapshot;
        var searcher = new IndexSearcher(snapshot, ChineseAnalyzer.Default, SynonymMap.Default);
        var compiler = new QueryCompiler(ChineseAnalyzer.Default, SynonymMap.Default);
        var random = new Random(seed);
        string Word() => RandomCorpus.Words[random.Next(RandomCorpus.Words.Length)];
        long checkedSections = 0, belowBar = 0;
        for (int q = 0; q < 40; q++)
        {
            string query = random.Next(7) switch
            {
                0 => Word(),
                1 => $"\"{Word()}{Word()}\"",
                2 => $"{Word()} {Word()}",
                3 => $"title:{Word()} {Word()}",
                4 => $"{Word()} \"{Word()}{Word()}\"",
                5 => $"({Word()} | {Word()}) {Word()}",
                _ => $"{Word()}{Word()}", // a typed run the analyzer cuts: a sloppy phrase
            };
            var clause = compiler.Compile(QueryParser.Parse(query).Root).Clause;
            if (clause is null)
                continue;
            var bm25 = new Dictionary<int, Bm25F>();
            foreach (var view in snapshot.Segments)
            {
                var matcher = searcher.Build(clause, view, bm25);
                for (int doc = matcher.NextDoc(); doc != Matcher.NoMoreDocs; doc = matcher.NextDoc())
                {
                    // The bound first, as the collector asks: a matcher may keep what the bound read for the score.
                    double bar = random.Next(4) switch { 0 => double.NegativeInfinity, 1 => 0, 2 => random.NextDouble() * 3, _ => random.NextDouble() * 30 };
                    double block = matcher.MaxScore(), section = matcher.SectionMaxScore(bar), score = matcher.Score();
                    string context = $"seed {seed} '{query}' segment {view.Entry.Name} section {doc} bar {bar}";
                    Assert.True(block * HitCollector.RoundingMargin >= score, $"{context}: block bound {block} < score {score}");
                    Assert.True(section * HitCollector.RoundingMargin >= score, $"{context}: section bound {section} < score {score}");
                    checkedSections++;
                    belowBar += section <= bar ? 1 : 0;
                }
            }
        }
        Assert.True(checkedSections > 10_000, $"only {checkedSections} matches checked");
        Assert.True(belowBar > 1_000, $"only {belowBar} bounds fell under their bar: the early stops were hardly tried");
    }
}
