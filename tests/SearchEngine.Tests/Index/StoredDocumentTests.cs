using System.Text;
using SearchEngine.Core.Documents;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Search;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// Stored texts come back exactly, and reading one section (or a window of a long one) decompresses only the
/// chunks it lies in, however long the document.
/// </summary>
public sealed class StoredDocumentTests : TempFolderTest
{
    [Fact]
    public void Random_documents_read_back_whole_and_in_any_window()
    {
        var random = new Random(20261202);
        var documents = Enumerable.Range(0, 30).Select(i => Generate(random, $"d{i}")).ToList();
        using var writer = IndexWriter.Open(Folder);
        foreach (var d in documents)
            writer.AddOrUpdate(d);
        writer.Commit();
        var snapshot = writer.Snapshot;
        foreach (var d in documents)
        {
            var read = snapshot.FindDocument(d.Id)!;
            Assert.Equal(d.Sections.Select(s => s.Body), read.Sections.Select(s => s.Body));
            Assert.Equal(d.Sections.Select(s => s.HeadingText), read.Sections.Select(s => s.HeadingText));
            var stored = snapshot.OpenDocument(d.Id)!;
            Assert.All(stored.Outline.Sections, s => Assert.Equal("", s.Body));
            for (int k = 0; k < 20; k++)
            {
                int position = random.Next(d.Sections.Count);
                string body = d.Sections[position].Body;
                int from = random.Next(body.Length + 1), length = random.Next(body.Length + 10);
                string expected = body[from..Math.Min(body.Length, from + length)];
                Assert.Equal(expected, stored.Text(position, from, length));
                Assert.Equal(body.Length, stored.BodyLength(position));
            }
        }
    }

    [Fact]
    public void A_window_of_a_long_section_reads_one_or_two_chunks()
    {
        // Given a document whose one section holds 2,000,000 characters (123 chunks)
        var body = new StringBuilder();
        for (int i = 0; body.Length < 2_000_000; i++)
            body.Append('第').Append(i).Append("段：推进氢能产业协同发展。\n");
        var document = new DocumentRecord("long", "长文件", null, [], null, null, null, null, null, [], "gen/long.txt", [],
            [new SectionRecord(0, HeadingLevel.Preamble, [], body.ToString(), [], [])]);
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(document);
        writer.Commit();
        var segment = writer.Snapshot.Segments.Single().Reader;

        // When a window of 20,000 characters in its middle is read
        long before = segment.ChunkReads;
        var stored = writer.Snapshot.OpenDocument("long")!;
        string window = stored.Text(0, 1_000_000, 20_000);

        // Then it is the right text, and at most 2 of the 123 chunks were decompressed
        Assert.Equal(body.ToString(1_000_000, 20_000), window);
        Assert.InRange(segment.ChunkReads - before, 1, 2);
    }

    [Fact]
    public void A_search_hit_in_a_large_document_decompresses_only_its_sections_chunks()
    {
        // Given a document of 2,000 sections of 1,000 characters each (about 125 chunks), one of which names 北斗
        var sections = Enumerable.Range(0, 2000).Select(i => new SectionRecord(i, HeadingLevel.Item, [$"第{i}项"],
            (i == 1234 ? "北斗导航应用示范。" : "") + new string('协', 1000), [], [])).ToList();
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(new DocumentRecord("big", "大文件", null, [], null, null, null, null, null, [], "gen/big.txt", [], sections));
        writer.Commit();
        var segment = writer.Snapshot.Segments.Single().Reader;
        long before = segment.ChunkReads;

        var result = new IndexSearcher(writer.Snapshot).Search(new SearchRequest { Query = "北斗" });

        var hit = Assert.Single(result.Hits);
        Assert.Equal(1234, hit.SectionId);
        Assert.Contains("<mark>北斗</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.InRange(segment.ChunkReads - before, 1, 2);
    }

    [Fact]
    public void Sections_read_in_turns_from_two_documents_come_back_exact_and_a_chunk_read_again_is_kept()
    {
        // Given two documents whose texts share one thread's scratch buffers when read
        var random = new Random(7);
        var first = Generate(random, "a");
        var second = Generate(random, "b");
        using var writer = IndexWriter.Open(Folder);
        writer.AddOrUpdate(first);
        writer.AddOrUpdate(second);
        writer.Commit();
        var segment = writer.Snapshot.Segments.Single().Reader;
        var a = writer.Snapshot.OpenDocument("a")!;
        var b = writer.Snapshot.OpenDocument("b")!;

        // When their sections are read in turns, each three times
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < Math.Max(first.Sections.Count, second.Sections.Count); i++)
            {
                if (i < first.Sections.Count)
                    Assert.Equal(first.Sections[i].Body, a.Body(i));
                if (i < second.Sections.Count)
                    Assert.Equal(second.Sections[i].Body, b.Body(i));
            }
        }

        // Then every text is exact, and reading them again decompresses nothing: a chunk asked for twice is kept
        long before = segment.ChunkReads;
        Assert.Equal(first.Sections.Select(s => s.Body), first.Sections.Select((_, i) => a.Body(i)));
        Assert.Equal(before, segment.ChunkReads);
    }

    /// <summary>Sections of random length (0 to 40,000 characters) of CJK, ASCII, line breaks and surrogate pairs (𠀀-range), so chunk edges fall everywhere.</summary>
    private static DocumentRecord Generate(Random random, string id)
    {
        var sections = new List<SectionRecord>();
        int count = random.Next(1, 12);
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(4) == 0 ? random.Next(40_000) : random.Next(300);
            var sb = new StringBuilder(length + 1);
            while (sb.Length < length)
            {
                switch (random.Next(10))
                {
                    case 0: sb.Append(char.ConvertFromUtf32(0x20000 + random.Next(500))); break;
                    case 1: sb.Append('\n'); break;
                    case 2: sb.Append((char)('a' + random.Next(26))); break;
                    default: sb.Append((char)(0x4E00 + random.Next(2000))); break;
                }
            }
            sections.Add(new SectionRecord(i, HeadingLevel.Item, [$"第{i}节"], sb.ToString(), [], []));
        }
        return new DocumentRecord(id, $"文件{id}", null, [], null, null, null, null, null, [], $"gen/{id}.txt", [], sections);
    }
}
