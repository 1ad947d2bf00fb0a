using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>A page of hits reads each stored document once, however many of its sections are on the page.</summary>
public sealed class HydrationTests : TempFolderTest
{
    [Fact]
    public void Should_read_a_document_once_when_a_page_holds_many_of_its_sections()
    {
        // Given one document of 300 sections that all mention 氢能, and one other document
        var sections = Enumerable.Range(0, 300)
            .Select(i => new SectionRecord(i, HeadingLevel.Item, [$"第{i}项"], $"推动氢能产业发展，第{i}项措施。", [], []))
            .ToList();
        var big = new DocumentRecord("big", "关于氢能的通知", null, ["省政府"], null, null, 2024, null, null, [], "gen/big.txt", [], sections);
        var other = new DocumentRecord("other", "关于储能的通知", null, ["省政府"], null, null, 2024, null, null, [], "gen/other.txt", [],
            [new SectionRecord(0, HeadingLevel.Item, ["总则"], "发展氢能与储能。", [], [])]);
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(big);
        writer.AddOrUpdate(other);
        writer.Commit();
        var snapshot = writer.Snapshot;
        long before = snapshot.Segments.Sum(s => s.Reader.DocumentReads);

        // When a search shows 100 sections (not grouped by document)
        var result = new IndexSearcher(snapshot).Search(new SearchRequest { Query = "氢能", GroupByDocument = false, Size = 100 });

        // Then the page is full, and each of the two documents was decompressed once
        Assert.Equal(100, result.Hits.Count);
        Assert.Equal(301, result.Total);
        int documents = result.Hits.Select(h => h.DocumentId).Distinct().Count();
        Assert.Equal(documents, snapshot.Segments.Sum(s => s.Reader.DocumentReads) - before);
        Assert.All(result.Hits.Where(h => h.DocumentId == "big"), h => Assert.Contains($"第{h.SectionId}项", h.Snippet, StringComparison.Ordinal));
    }
}
