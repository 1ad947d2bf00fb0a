using SearchEngine.Core.Analysis;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Builds one immutable segment in memory: analyses each section's four text fields with the shared analyzer,
/// accumulates postings per term, and encodes documents, section lengths, facet values and postings into the
/// bytes of a segment file (<see cref="SegmentFormat"/>) through the writer a merge uses too
/// (<see cref="SegmentFileWriter"/>, <see cref="PostingsPartsWriter"/>).
/// </summary>
internal sealed class SegmentBuilder(ChineseAnalyzer analyzer)
{
    private readonly List<DocumentRecord> _documents = [];
    private readonly List<int> _sectionDocument = [];
    private readonly List<int[]> _sectionLengths = [];
    private readonly Dictionary<string, TermPostingsWriter> _terms = new(StringComparer.Ordinal);
    private readonly List<Token> _tokens = new(1024);

    public int DocumentCount => _documents.Count;

    public int SectionCount => _sectionDocument.Count;

    /// <summary>Approximate bytes of text added, for flushing by size.</summary>
    public long TextBytes { get; private set; }

    public void Add(DocumentRecord document)
    {
        int docOrd = _documents.Count;
        _documents.Add(document);
        var numberTerms = DocumentNumberTerms.Of(document.DocumentNumber, analyzer);
        foreach (var section in document.Sections)
            AddSection(docOrd, document.Title, numberTerms, section);
    }

    private void AddSection(int docOrd, string title, List<string> numberTerms, SectionRecord section)
    {
        int sectionOrd = _sectionDocument.Count;
        _sectionDocument.Add(docOrd);
        var lengths = new int[IndexFields.TextFieldCount];
        var perTerm = new Dictionary<string, SectionTerm>(StringComparer.Ordinal);
        string[] texts = [title, section.HeadingText, section.Body, section.UnitsText];
        for (int f = 0; f < texts.Length; f++)
        {
            TextBytes += texts[f].Length * 3L;
            _tokens.Clear();
            analyzer.Analyze(texts[f], AnalysisMode.Index, _tokens);
            foreach (var token in _tokens)
            {
                bool sub = token.Kind == TokenKind.SubWord;
                if (!sub)
                    lengths[f]++;
                if (!perTerm.TryGetValue(token.Text, out var entry))
                    perTerm[token.Text] = entry = new SectionTerm();
                entry.Tf[IndexFields.Scoring((IndexField)f, sub)]++;
                var positions = entry.Positions[f] ??= [];
                if (positions.Count == 0 || positions[^1] != token.Position)
                    positions.Add(token.Position);
            }
            if (f == (int)IndexField.Title)
                AddNumberTerms(numberTerms, _tokens.Count == 0 ? 0 : _tokens.Max(t => t.PositionEnd), perTerm);
        }
        _sectionLengths.Add(lengths);
        foreach (var (term, entry) in perTerm)
        {
            if (!_terms.TryGetValue(term, out var writer))
                _terms[term] = writer = new TermPostingsWriter();
            foreach (var list in entry.Positions)
                list?.Sort();
            writer.Add(sectionOrd, entry.Tf, entry.Positions, lengths);
        }
    }

    /// <summary>
    /// The own number's terms go into the title field after the title's last slot, so no phrase of the title can run
    /// into them, and they are not counted in the title's length: a document's number does not make its title longer.
    /// </summary>
    private static void AddNumberTerms(List<string> numberTerms, int slot, Dictionary<string, SectionTerm> perTerm)
    {
        foreach (string term in numberTerms)
        {
            if (!perTerm.TryGetValue(term, out var entry))
                perTerm[term] = entry = new SectionTerm();
            entry.Tf[IndexFields.Scoring(IndexField.Title, subWord: false)]++;
            (entry.Positions[(int)IndexField.Title] ??= []).Add(slot);
        }
    }

    /// <summary>Encodes the segment. The builder must not be used afterwards.</summary>
    public byte[] Build()
    {
        using var output = new MemoryStream(1 << 20);
        Build(output);
        return output.ToArray();
    }

    /// <summary>
    /// Encodes the segment into <paramref name="output"/> through the one writer of the segment layout
    /// (<see cref="SegmentFileWriter"/>); postings parts are spooled in memory, this segment being one flush.
    /// </summary>
    public void Build(Stream output)
    {
        var file = new SegmentFileWriter(output);
        file.BeginPart(SegmentFormat.Part.Documents);
        WriteDocuments(file);
        var fieldLengths = _sectionLengths.SelectMany(l => l).ToArray();
        var averages = SegmentParts.AverageLengths(fieldLengths);
        file.BeginPart(SegmentFormat.Part.Sections);
        var w = new ByteWriter(1 << 16);
        w.WriteVarInt(_sectionDocument.Count);
        for (int i = 0; i < _sectionDocument.Count; i++)
            SegmentParts.WriteSection(w, _sectionDocument[i], _sectionLengths[i]);
        SegmentParts.WriteAverageLengths(w, averages);
        file.Write(w);
        file.BeginPart(SegmentFormat.Part.DocValues);
        DocValuesCodec.Write(w, _documents);
        file.Write(w);

        using var postings = new PostingsPartsWriter(() => new MemoryStream(), averages, fieldLengths);
        foreach (var t in _terms.Keys.Order(StringComparer.Ordinal))
        {
            _terms[t].Finish();
            postings.Add(t, _terms[t]);
        }
        postings.WriteTo(file);
        file.Finish();
    }

    /// <summary>
    /// Ids in the clear (the writer maps ids to documents at open), then per document its head Brotli-compressed
    /// and its section texts in compressed chunks (<see cref="StoredText"/>).
    /// </summary>
    private void WriteDocuments(SegmentFileWriter file)
    {
        var blob = new ByteWriter(1 << 16);
        var record = new ByteWriter(1 << 14);
        var starts = new long[_documents.Count + 1];
        for (int i = 0; i < _documents.Count; i++)
        {
            starts[i] = blob.Length;
            record.Clear();
            DocumentCodec.WriteHead(record, _documents[i]);
            var head = StoredCompression.Compress(record.Written);
            blob.WriteVarInt(head.Length);
            blob.WriteBytes(head);
            StoredText.Write(blob, _documents[i].Sections.Select(s => s.Body));
        }
        starts[_documents.Count] = blob.Length;
        var index = new ByteWriter(1 << 12);
        SegmentParts.WriteDocumentIndex(index, [.. _documents.Select(d => d.Id)], starts);
        file.Write(index);
        file.Write(blob);
    }

    private sealed class SectionTerm
    {
        public readonly int[] Tf = new int[IndexFields.ScoringFieldCount];
        public readonly List<int>?[] Positions = new List<int>?[IndexFields.TextFieldCount];
    }
}
