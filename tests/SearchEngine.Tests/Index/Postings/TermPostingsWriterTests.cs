using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Tests.Index.Postings;

/// <summary>
/// What a term's postings writer encodes, full packed blocks and the short varint tail alike, decodes block by
/// block to the same sections, frequencies and positions per field.
/// </summary>
public sealed class TermPostingsWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(700)]
    public void Should_decode_every_block_to_the_postings_added(int postings)
    {
        var random = new Random(postings);
        var expected = new List<(int Doc, int[] Tf, List<int>?[] Positions)>();
        var writer = new TermPostingsWriter();
        int doc = -1;
        for (int i = 0; i < postings; i++)
        {
            doc += 1 + (random.Next(10) == 0 ? random.Next(100_000) : random.Next(5));
            var (tf, positions) = RandomPosting(random);
            int[] counts = [.. positions.Select(p => p?.Count ?? 0)];
            writer.Add(doc, tf, counts, [.. positions.SelectMany(p => p ?? [])], [5, 5, 500, 5]);
            expected.Add((doc, tf, positions));
        }
        writer.Finish();

        Assert.Equal((postings + TermPostingsWriter.BlockSize - 1) / TermPostingsWriter.BlockSize, writer.Blocks.Count);
        var block = new PostingsBlock();
        var read = new List<int>();
        for (int b = 0; b < writer.Blocks.Count; b++)
        {
            int count = Math.Min(TermPostingsWriter.BlockSize, postings - (b * TermPostingsWriter.BlockSize));
            block.Decode(writer.Docs, writer.Blocks[b].DocsOffset, count, b == 0 ? -1 : writer.Blocks[b - 1].LastDoc);
            // One posting's frequencies read alone (the first postings of a block), then from the decoded block.
            var single = new int[IndexFields.ScoringFieldCount];
            for (int i = 0; i < count; i += 1 + random.Next(3))
            {
                block.ReadFrequencies(writer.Docs, i, single);
                Assert.Equal(expected[(b * TermPostingsWriter.BlockSize) + i].Tf, single);
            }
            block.DecodeFrequencies(writer.Docs);
            bool packed = count == TermPostingsWriter.BlockSize;
            if (packed)
            {
                // A few postings' positions in any order, as a conjunction asks for them (each read alone), then
                // every posting in order (the block decoded whole after the first ones), below.
                for (int n = 0; n < 6; n++)
                {
                    int i = random.Next(count);
                    var positions = expected[(b * TermPostingsWriter.BlockSize) + i].Positions;
                    for (int f = 0; f < IndexFields.TextFieldCount; f++)
                    {
                        read.Clear();
                        if (positions[f] is not null)
                            block.ReadPositions(writer.Docs, writer.Positions, writer.Blocks[b].PositionsOffset, i, f, read);
                        Assert.Equal(positions[f] ?? [], read);
                    }
                }
            }
            for (int i = 0; i < count; i++)
            {
                var (expectedDoc, tf, positions) = expected[(b * TermPostingsWriter.BlockSize) + i];
                Assert.Equal(expectedDoc, block.Docs[i]);
                block.CopyFrequencies(i, single);
                Assert.Equal(tf, single);
                if (!packed)
                    continue; // a short block's positions are varints the cursor reads in place
                for (int f = 0; f < IndexFields.TextFieldCount; f++)
                {
                    read.Clear();
                    if (positions[f] is not null)
                        block.ReadPositions(writer.Docs, writer.Positions, writer.Blocks[b].PositionsOffset, i, f, read);
                    Assert.Equal(positions[f] ?? [], read);
                }
            }
            Assert.Equal(writer.Blocks[b].LastDoc, block.Docs[count - 1]);
        }
    }

    /// <summary>Frequencies per scoring field and sorted positions per text field, consistent as the builder makes them.</summary>
    private static (int[] Tf, List<int>?[] Positions) RandomPosting(Random random)
    {
        var tf = new int[IndexFields.ScoringFieldCount];
        var positions = new List<int>?[IndexFields.TextFieldCount];
        do
        {
            for (int f = 0; f < IndexFields.TextFieldCount; f++)
            {
                if (random.Next(3) != 0)
                    continue;
                int whole = random.Next(2) == 0 ? 0 : 1 + random.Next(random.Next(2) == 0 ? 3 : 300);
                int sub = random.Next(3) == 0 ? 1 + random.Next(4) : 0;
                if (whole + sub == 0)
                    continue;
                tf[f] = whole;
                tf[f + IndexFields.TextFieldCount] = sub;
                var set = new SortedSet<int>();
                while (set.Count < whole + sub)
                    set.Add(random.Next(Math.Max(f == 2 ? 5000 : 40, 2 * (whole + sub))));
                positions[f] = [.. set];
            }
        }
        while (tf.All(t => t == 0));
        return (tf, positions);
    }
}
