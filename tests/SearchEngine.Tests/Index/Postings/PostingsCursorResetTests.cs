using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index.Postings;

/// <summary>
/// A cursor pointed at another term (<see cref="PostingsCursor.Reset"/>, as a merge reuses one per source) reads that
/// term exactly as a new cursor does, whatever the previous term left in its buffers: a packed block's positions half
/// read, a short block's frequencies, a cursor stopped in the middle of a block.
/// </summary>
public sealed class PostingsCursorResetTests : TempFolderTest
{
    [Theory]
    [InlineData(11)]
    [InlineData(404)]
    public void Should_read_each_term_after_a_reset_as_a_new_cursor_does(int seed)
    {
        // Given a segment of random documents (common words fill packed blocks, rare ones only a short block),
        string path = Path.Combine(Folder, "seg_000000.seg");
        File.WriteAllBytes(path, SegmentMergerTests.Build(RandomCorpus.Generate(seed, 250)));
        using var reader = SegmentReader.Open("seg_000000", path);
        var random = new Random(seed);
        var terms = reader.EnumerateTerms().OrderBy(_ => random.Next()).Take(400).ToList();
        Assert.Contains(terms, t => t.Info.DocFrequency > 2 * TermPostingsWriter.BlockSize);

        // when one cursor is reset to each term in turn, and left partway through some of them,
        PostingsCursor? reused = null;
        var expected = new List<int>();
        var actual = new List<int>();
        foreach (var (term, info) in terms)
        {
            reused ??= new PostingsCursor(reader, info);
            reused.Reset(info);
            var fresh = new PostingsCursor(reader, info);
            int stopAfter = random.Next(3) == 0 ? random.Next(1, 200) : int.MaxValue;
            int read = 0;

            // then it visits the same sections with the same frequencies and positions as a new cursor.
            for (int doc = fresh.NextDoc(); doc != PostingsCursor.NoMoreDocs && read < stopAfter; doc = fresh.NextDoc(), read++)
            {
                Assert.True(reused.NextDoc() == doc, $"term '{term}': section {doc}");
                Assert.True(fresh.Tf.SequenceEqual(reused.Tf), $"term '{term}', section {doc}: frequencies");
                Assert.True(fresh.Mask == reused.Mask, $"term '{term}', section {doc}: field mask");
                for (int f = 0; f < IndexFields.TextFieldCount; f++)
                {
                    fresh.ReadPositions((IndexField)f, expected);
                    reused.ReadPositions((IndexField)f, actual);
                    Assert.True(expected.SequenceEqual(actual), $"term '{term}', section {doc}, field {(IndexField)f}: positions");
                }
            }
            if (read < stopAfter)
                Assert.Equal(PostingsCursor.NoMoreDocs, reused.NextDoc());
        }
    }
}
