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
    private readonly PostingsAccumulator _postings = new();
    private readonly List<Token> _tokens = new(1024);
    private readonly List<long> _occurrences = new(1024);
    private readonly List<int> _slots = new(256);

    /// <summary>The largest slot an occurrence key holds (29 bits): far beyond any section an upload may bring.</summary>
    private const int MaxPosition = (1 << 29) - 1;

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
        _occurrences.Clear();
        string[] texts = [title, section.HeadingText, section.Body, section.UnitsText];
        for (int f = 0; f < texts.Length; f++)
        {
            TextBytes += texts[f].Length * 3L;
            _tokens.Clear();
            analyzer.Analyze(texts[f], AnalysisMode.Index, _tokens);
            int end = 0;
            foreach (var token in _tokens)
            {
                bool sub = token.Kind == TokenKind.SubWord;
                if (!sub)
                    lengths[f]++;
                _occurrences.Add(Occurrence(_postings.Id(token.Text), f, token.Position, sub));
                end = Math.Max(end, token.PositionEnd);
            }
            // The own number's terms go into the title field after the title's last slot, so no phrase of the title
            // can run into them, and they are not counted in its length: a document's number does not make its title longer.
            if (f == (int)IndexField.Title)
            {
                foreach (string term in numberTerms)
                    _occurrences.Add(Occurrence(_postings.Id(term), f, end, subWord: false));
            }
        }
        _sectionLengths.Add(lengths);
        Invert(sectionOrd);
    }

    /// <summary>
    /// One occurrence of a term in a section as a sortable key: term id, text field, slot, then whether it is a sub-word,
    /// so that sorting a section's occurrences groups them by term and orders each term's slots by field.
    /// </summary>
    private static long Occurrence(int termId, int field, int position, bool subWord)
    {
        if ((uint)position > MaxPosition)
            throw new InvalidOperationException($"A section field longer than {MaxPosition} slots cannot be indexed.");
        return ((long)termId << 32) | ((long)field << 30) | ((long)position << 1) | (subWord ? 1L : 0L);
    }

    /// <summary>
    /// Turns the section's occurrences into one posting per term: frequency per scoring field (whole words and
    /// sub-words apart), distinct slots per text field in order.
    /// </summary>
    private void Invert(int sectionOrd)
    {
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_occurrences);
        keys.Sort();
        Span<int> tf = stackalloc int[IndexFields.ScoringFieldCount];
        Span<int> counts = stackalloc int[IndexFields.TextFieldCount];
        for (int i = 0; i < keys.Length;)
        {
            int termId = (int)(keys[i] >> 32);
            tf.Clear();
            counts.Clear();
            _slots.Clear();
            for (; i < keys.Length && (int)(keys[i] >> 32) == termId; i++)
            {
                int field = (int)((keys[i] >> 30) & 3);
                int position = (int)((keys[i] >> 1) & MaxPosition);
                tf[IndexFields.Scoring((IndexField)field, subWord: (keys[i] & 1) != 0)]++;
                // A word and its sub-word at one slot are one position: the slots of one field are adjacent here.
                if (counts[field] == 0 || _slots[^1] != position)
                {
                    _slots.Add(position);
                    counts[field]++;
                }
            }
            _postings.Add(termId, sectionOrd, tf, counts, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_slots));
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
        _postings.WriteTo(postings, fieldLengths);
        postings.WriteTo(file);
        file.Finish();
    }

    /// <summary>A document's plan targets, Brotli-compressed after a length (0 and nothing else when it sets none).</summary>
    private static void WriteTargets(ByteWriter blob, ByteWriter scratch, IReadOnlyList<SearchEngine.Core.Targets.PlanTarget> targets)
    {
        if (targets.Count == 0)
        {
            blob.WriteVarInt(0);
            return;
        }
        scratch.Clear();
        DocumentCodec.WriteTargets(scratch, targets);
        var packed = StoredCompression.Compress(scratch.Written);
        blob.WriteVarInt(packed.Length);
        blob.WriteBytes(packed);
    }

    /// <summary>
    /// Ids in the clear (the writer maps ids to documents at open), then per document its head Brotli-compressed,
    /// its plan targets likewise, and its section texts in compressed chunks (<see cref="StoredText"/>).
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
            WriteTargets(blob, record, _documents[i].Targets);
            StoredText.Write(blob, _documents[i].Sections.Select(s => s.Body));
        }
        starts[_documents.Count] = blob.Length;
        var index = new ByteWriter(1 << 12);
        SegmentParts.WriteDocumentIndex(index, [.. _documents.Select(d => d.Id)], starts);
        file.Write(index);
        file.Write(blob);
    }
}
