using System.Text.Json;
using SearchEngine.Core.Analysis;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index;

/// <summary>
/// The oracle of a merge: the segment <see cref="SegmentMerger"/> writes from several segments with deletions is the
/// segment <see cref="SegmentBuilder"/> builds from scratch from the same live documents in the same order —
/// decoded part by part (so a failure says where), then byte for byte. Segments are written to files and opened
/// through <see cref="SegmentReader.Open"/> (memory-mapped), as the writer opens them.
/// </summary>
public sealed class SegmentMergerTests : TempFolderTest
{
    [Theory]
    [InlineData(3)]
    [InlineData(58)]
    [InlineData(2026)]
    public void Should_write_the_segment_a_build_of_the_live_documents_writes(int seed)
    {
        // Given random documents in four segments, some documents of each deleted (all of one segment for one seed),
        var random = new Random(seed);
        var documents = Dated(RandomCorpus.Generate(seed, 300), random);
        var views = new List<SegmentView>();
        var live = new List<DocumentRecord>();
        int at = 0;
        for (int segment = 0; segment < 4; segment++)
        {
            int count = segment == 3 ? documents.Count - at : random.Next(20, 100);
            var part = documents.GetRange(at, count);
            at += count;
            double deleteShare = seed == 58 && segment == 1 ? 1 : random.NextDouble() * 0.5;
            var deleted = part.Select(_ => random.NextDouble() < deleteShare).ToArray();
            var reader = Open($"seg_{segment:D6}", Build(part));
            views.Add(new SegmentView(reader, deleted, new SegmentEntry(reader.Name, reader.DocumentCount, reader.SectionCount, null, deleted.Count(d => d))));
            live.AddRange(part.Where((_, i) => !deleted[i]));
        }

        // when they are merged,
        var merger = new SegmentMerger(views);
        using var output = new MemoryStream();
        merger.Write(output, () => new MemoryStream());
        var mergedBytes = output.ToArray();

        // then the merged segment answers like a segment built from the live documents, and is that segment's bytes.
        var expectedBytes = Build(live);
        using var merged = Open("merged", mergedBytes);
        using var expected = Open("expected", expectedBytes);
        Assert.Equal(live.Select(d => d.Id), merger.Origins.Select(o => views.First(v => v.Reader.Name == o.Segment).Reader.DocumentId(o.DocOrd)));
        AssertSameSegment(expected, merged);
        Assert.True(expectedBytes.AsSpan().SequenceEqual(mergedBytes), $"seed {seed}: the merged segment decodes alike but differs in bytes");
    }

    [Fact]
    public void Should_enumerate_terms_in_ordinal_order_from_a_prefix()
    {
        using var reader = Open("s", Build(RandomCorpus.Generate(5, 30)));
        var all = reader.EnumerateTerms().Select(t => t.Term).ToList();
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(reader.TermCount, all.Count);
        var withPrefix = reader.EnumerateTerms("发").Select(t => t.Term).ToList();
        Assert.NotEmpty(withPrefix);
        Assert.Equal(all.Where(t => t.StartsWith('发')), withPrefix);
        Assert.Empty(reader.EnumerateTerms("\uFFFF"));
    }

    /// <summary>Writes <paramref name="bytes"/> as segment <paramref name="name"/> in the test's folder and opens it.</summary>
    private SegmentReader Open(string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name + ".seg");
        File.WriteAllBytes(path, bytes);
        return SegmentReader.Open(name, path);
    }

    internal static byte[] Build(IEnumerable<DocumentRecord> documents)
    {
        var builder = new SegmentBuilder(ChineseAnalyzer.Default);
        foreach (var d in documents)
            builder.Add(d);
        return builder.Build();
    }

    /// <summary>Gives some documents a date (the generated ones have none), so the date column is merged too.</summary>
    private static List<DocumentRecord> Dated(List<DocumentRecord> documents, Random random) =>
        [.. documents.Select(d => random.Next(3) == 0 ? d with { Date = new DateOnly(2016 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28)) } : d)];

    internal static void AssertSameSegment(SegmentReader expected, SegmentReader actual)
    {
        Assert.Equal(expected.DocumentCount, actual.DocumentCount);
        for (int d = 0; d < expected.DocumentCount; d++)
        {
            Assert.Equal(expected.DocumentId(d), actual.DocumentId(d));
            Assert.Equal(JsonSerializer.Serialize(expected.ReadDocument(d)), JsonSerializer.Serialize(actual.ReadDocument(d)));
        }
        Assert.Equal(expected.SectionDocument, actual.SectionDocument);
        Assert.Equal(expected.Norms, actual.Norms);
        var (expectedLengths, actualLengths) = (new int[IndexFields.TextFieldCount], new int[IndexFields.TextFieldCount]);
        for (int s = 0; s < expected.SectionCount; s++)
        {
            expected.ReadLengths(s, expectedLengths);
            actual.ReadLengths(s, actualLengths);
            Assert.Equal(expectedLengths, actualLengths);
        }
        Assert.Equal(expected.BuildAverageLengths, actual.BuildAverageLengths);
        Assert.Equal(JsonSerializer.Serialize(expected.Values), JsonSerializer.Serialize(actual.Values));
        Assert.Equal(expected.EnumerateTerms().Select(t => t.Term), actual.EnumerateTerms().Select(t => t.Term));
        var positions = new List<int>();
        var other = new List<int>();
        foreach (var (term, info) in expected.EnumerateTerms())
        {
            Assert.True(actual.TryGetTerm(term, out var actualInfo), $"term '{term}' missing");
            Assert.True(info.DocFrequency == actualInfo.DocFrequency, $"term '{term}': document frequency");
            var e = new PostingsCursor(expected, info);
            var a = new PostingsCursor(actual, actualInfo);
            for (int doc = e.NextDoc(); doc != PostingsCursor.NoMoreDocs; doc = e.NextDoc())
            {
                Assert.True(a.NextDoc() == doc, $"term '{term}': section {doc}");
                Assert.True(e.Tf.SequenceEqual(a.Tf), $"term '{term}', section {doc}: frequencies");
                for (int f = 0; f < IndexFields.TextFieldCount; f++)
                {
                    e.ReadPositions((IndexField)f, positions);
                    a.ReadPositions((IndexField)f, other);
                    Assert.True(positions.SequenceEqual(other), $"term '{term}', section {doc}, field {(IndexField)f}: positions");
                }
            }
            Assert.Equal(PostingsCursor.NoMoreDocs, a.NextDoc());
            for (int b = 0; b < e.BlockCount; b++)
            {
                Assert.True(e.BlockLastDoc(b) == a.BlockLastDoc(b) && e.BlockMaxPseudo(b) == a.BlockMaxPseudo(b), $"term '{term}', block {b}: bounds");
                for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
                    Assert.Equal(e.BlockMaxTf(b, f), a.BlockMaxTf(b, f));
                for (int f = 0; f < IndexFields.TextFieldCount; f++)
                    Assert.Equal(e.BlockMinLength(b, f), a.BlockMinLength(b, f));
            }
        }
    }
}
