using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Searches answer the same before and after a merge: with no deletions the same hits with the same scores (the
/// collection statistics do not change), with deletions the same matching documents (a merge drops the deleted
/// documents' postings, which count in statistics until then).
/// </summary>
public sealed class MergeSearchTests : TempFolderTest
{
    private static readonly string[] Queries =
    [
        "发展", "人工智能 芯片", "\"高质量发展\"", "氢能 OR 储能", "创新 -企业", "湘政发〔2020〕", "燃料电池 示范", "数字经济 算力 平台",
        "产业 type:规划", "长株潭", "5G", "专精特新 OR 北斗 OR 区块链",
    ];

    [Fact]
    public void Should_answer_the_same_before_and_after_a_merge()
    {
        // Given five segments of generated documents,
        using var writer = IndexWriter.Open(Folder);
        var docs = RandomCorpus.Generate(404, 250);
        foreach (var chunk in docs.Chunk(50))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        Assert.Equal(5, writer.Snapshot.Segments.Count);

        // when they are merged into one, then every query ranks the same hits with the same scores and facets;
        var before = Answers(writer.Snapshot);
        Assert.True(writer.ForceMerge());
        Assert.Single(writer.Snapshot.Segments);
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp")); // the merge's spools went with it
        AssertSame(before, Answers(writer.Snapshot), exactScores: true);

        // and with documents deleted in every segment, the same documents match after the merge that drops them.
        var random = new Random(404);
        foreach (var chunk in docs.Chunk(50).Skip(1))
        {
            foreach (var d in chunk)
                writer.AddOrUpdate(d);
            writer.Commit();
        }
        foreach (var d in docs.Where(_ => random.Next(4) == 0))
            writer.Delete(d.Id);
        writer.Commit();
        before = Answers(writer.Snapshot);
        Assert.True(writer.ForceMerge());
        AssertSame(before, Answers(writer.Snapshot), exactScores: false);
    }

    private static List<SearchResult> Answers(IndexSnapshot snapshot) =>
        [.. Queries.Select(q => new IndexSearcher(snapshot).Search(new SearchRequest { Query = q, Size = 1000, Highlight = false }))];

    private static void AssertSame(List<SearchResult> before, List<SearchResult> after, bool exactScores)
    {
        for (int q = 0; q < Queries.Length; q++)
        {
            string context = $"query '{Queries[q]}'";
            Assert.True(before[q].Total == after[q].Total, $"{context}: total {after[q].Total}, before the merge {before[q].Total}");
            Assert.Equal(before[q].TotalDocuments, after[q].TotalDocuments);
            // Which section of a document ranks best follows the statistics, so with deletions only documents compare.
            Assert.Equal(
                before[q].Hits.Select(h => (h.DocumentId, exactScores ? h.SectionId : 0)).Order(),
                after[q].Hits.Select(h => (h.DocumentId, exactScores ? h.SectionId : 0)).Order());
            foreach (var (facet, values) in before[q].Facets)
                Assert.Equal(values, after[q].Facets[facet]);
            if (!exactScores)
                continue;
            for (int i = 0; i < before[q].Hits.Count; i++)
            {
                Assert.Equal(before[q].Hits[i].DocumentId, after[q].Hits[i].DocumentId);
                Assert.Equal(before[q].Hits[i].Score, after[q].Hits[i].Score, 9);
            }
        }
    }
}
