using System.Text;
using SearchEngine.Core.Analysis;
using SearchEngine.Index.Indexing;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Index.Storage;

/// <summary>
/// The term dictionary searched in the segment file (blocks of front-coded terms under an index of each block's
/// first term) answers exactly what the whole dictionary decoded into memory answered: every term with its
/// frequency and postings, no absent term, and prefixes in ordinal order.
/// </summary>
public sealed class TermDictionaryTests : TempFolderTest
{
    /// <summary>Characters the random terms are made of: shared prefixes, CJK, Latin, and pairs outside the BMP.</summary>
    private static readonly string[] Pieces = ["制", "造", "业", "高", "质量", "发展", "a", "b", "5G", "𠀀", "𠀁", "𡃁", "\uD7FF", "\uE000", "\uFFFD", "氢"];

    [Fact]
    public void Given_random_terms_When_each_is_looked_up_Then_it_is_found_with_the_offsets_the_whole_decoded_dictionary_had()
    {
        var random = new Random(14);
        var terms = RandomTerms(random, 3000);
        var (dictionary, expected) = WriteDictionary(random, terms);

        Assert.Equal(terms.Count, dictionary.Count);
        foreach (var (term, info) in expected)
        {
            Assert.True(dictionary.TryGet(term, out var found), $"'{term}' is missing");
            Assert.Equal(info, found);
        }
    }

    [Fact]
    public void Given_random_terms_When_absent_terms_are_looked_up_Then_none_is_found()
    {
        var random = new Random(15);
        var terms = RandomTerms(random, 2000);
        var (dictionary, _) = WriteDictionary(random, terms);
        var present = terms.ToHashSet(StringComparer.Ordinal);

        var absent = RandomTerms(new Random(16), 3000).Where(t => !present.Contains(t))
            .Concat(["", "\uFFFF\uFFFF", "\u0001", terms[0] + "\uFFFF", terms[^1] + "a"]).Where(t => !present.Contains(t));
        foreach (string term in absent)
            Assert.False(dictionary.TryGet(term, out _), $"'{term}' was found but never added");
    }

    [Fact]
    public void Given_random_terms_When_a_prefix_is_enumerated_Then_exactly_the_terms_with_it_come_in_ordinal_order()
    {
        var random = new Random(17);
        var terms = RandomTerms(random, 3000);
        var (dictionary, expected) = WriteDictionary(random, terms);

        Assert.Equal(expected, dictionary.Enumerate().ToList());
        Assert.Equal(expected, dictionary.Enumerate("").ToList());
        var prefixes = terms.Take(200).SelectMany(t => new[] { t[..1], t[..Math.Min(2, t.Length)], t, t + "z" })
            .Concat(["𠀀", "\uD840", "制造", "z", "\uFFFF"]);
        foreach (string prefix in prefixes)
        {
            var want = expected.Where(e => e.Term.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(want, dictionary.Enumerate(prefix).ToList());
        }
    }

    [Fact]
    public void Given_a_built_segment_When_its_terms_are_read_Then_each_lookup_equals_the_enumeration_and_its_postings_are_the_sections_holding_it()
    {
        var analyzer = ChineseAnalyzer.Default;
        var documents = RandomCorpus.Generate(14, 150);
        var builder = new SegmentBuilder(analyzer);
        foreach (var d in documents)
            builder.Add(d);
        string path = Path.Combine(Folder, "seg_test.seg");
        File.WriteAllBytes(path, builder.Build());
        using var reader = SegmentReader.Open("seg_test", path);

        var expected = SectionsByTerm(analyzer, documents);
        var enumerated = reader.EnumerateTerms().ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), enumerated.Select(e => e.Term));
        Assert.Equal(expected.Count, reader.TermCount);
        foreach (var (term, info) in enumerated)
        {
            Assert.True(reader.TryGetTerm(term, out var found));
            Assert.Equal(info, found);
            Assert.Equal(expected[term].Count, info.DocFrequency);
            var cursor = new PostingsCursor(reader, info);
            var sections = new List<int>();
            while (cursor.NextDoc() != PostingsCursor.NoMoreDocs)
                sections.Add(cursor.Doc);
            Assert.Equal(expected[term], sections);
        }
        Assert.False(reader.TryGetTerm("不在索引里的词", out _));
    }

    /// <summary>The sections each term occurs in, from the analyzer, as SegmentBuilder indexes them (own numbers in the title).</summary>
    private static Dictionary<string, List<int>> SectionsByTerm(ChineseAnalyzer analyzer, List<DocumentRecord> documents)
    {
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        int section = 0;
        foreach (var d in documents)
        {
            var numberTerms = DocumentNumberTerms.Of(d.DocumentNumber, analyzer);
            foreach (var s in d.Sections)
            {
                var terms = new HashSet<string>(numberTerms, StringComparer.Ordinal);
                foreach (string text in new[] { d.Title, s.HeadingText, s.Body, s.UnitsText })
                {
                    tokens.Clear();
                    analyzer.Analyze(text, AnalysisMode.Index, tokens);
                    terms.UnionWith(tokens.Select(t => t.Text));
                }
                foreach (string term in terms)
                {
                    if (!result.TryGetValue(term, out var list))
                        result[term] = list = [];
                    list.Add(section);
                }
                section++;
            }
        }
        return result;
    }

    private static List<string> RandomTerms(Random random, int count)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        while (terms.Count < count)
        {
            var sb = new StringBuilder();
            for (int i = random.Next(1, 6); i > 0; i--)
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            terms.Add(sb.ToString());
        }
        return [.. terms.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Writes the terms (with random frequencies and lengths) as a segment's dictionary parts into a file and opens
    /// it; the expected entries are what the decoded dictionary held: offsets as running sums of the lengths.
    /// </summary>
    private (TermDictionary Dictionary, List<(string Term, TermInfo Info)> Expected) WriteDictionary(Random random, List<string> terms)
    {
        const long docsPart = 1_000, positionsPart = 5_000_000_000, blocksPart = 9_000_000_000; // positions and blocks past 4 GB
        var w = new ByteWriter();
        w.WriteInt64(0); // something before the terms part, as in a segment
        long termsStart = w.Length;
        var writer = new TermDictionaryWriter(w);
        var expected = new List<(string, TermInfo)>();
        long docs = docsPart, positions = positionsPart, blocks = blocksPart;
        foreach (string term in terms)
        {
            int df = random.Next(4) == 0 ? random.Next(1, 1000) : random.Next(1, 4);
            int docsLength = random.Next(1, 5000), positionsLength = random.Next(0, 20000);
            writer.Add(term, df, docsLength, positionsLength);
            expected.Add((term, new TermInfo(df, docs, docsLength, positions, positionsLength, blocks, TermDictionary.BlockCount(df))));
            docs += docsLength;
            positions += positionsLength;
            blocks += BlockInfo.IsStored(df) ? TermDictionary.BlockCount(df) * BlockInfo.EncodedSize : 0;
        }
        long indexStart = w.Length;
        writer.WriteIndex(w);
        long indexEnd = w.Length;
        string path = Path.Combine(Folder, $"terms{terms.Count}.bin");
        File.WriteAllBytes(path, w.Written.ToArray());
        var data = SegmentData.Map(path);
        return (new TermDictionary(data, termsStart, indexStart, indexStart, indexEnd, docsPart, positionsPart, blocksPart), expected);
    }
}
