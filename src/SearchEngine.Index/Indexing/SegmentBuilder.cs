using SearchEngine.Core.Analysis;
using SearchEngine.Index.Postings;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Builds one immutable segment in memory: analyses each section's four text fields with the shared analyzer,
/// accumulates postings per term, and encodes documents, section lengths, facet values and postings into the
/// bytes of a segment file (<see cref="SegmentFormat"/>).
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
        var w = new ByteWriter(1 << 20);
        w.WriteInt32(unchecked((int)SegmentFormat.HeaderMagic));
        w.WriteInt32(SegmentFormat.Version);
        var offsets = new long[SegmentFormat.PartCount];

        offsets[(int)SegmentFormat.Part.Documents] = w.Length;
        WriteDocuments(w);
        offsets[(int)SegmentFormat.Part.Sections] = w.Length;
        WriteSections(w);
        offsets[(int)SegmentFormat.Part.DocValues] = w.Length;
        DocValuesCodec.Write(w, _documents);

        var terms = _terms.Keys.Order(StringComparer.Ordinal).ToList();
        foreach (var t in terms)
            _terms[t].Finish();
        offsets[(int)SegmentFormat.Part.Terms] = w.Length;
        var dictionary = new TermDictionaryWriter(w);
        foreach (var t in terms)
            dictionary.Add(t, _terms[t].DocFrequency, _terms[t].Docs.Length, _terms[t].Positions.Length);
        offsets[(int)SegmentFormat.Part.TermIndex] = w.Length;
        dictionary.WriteIndex(w);
        offsets[(int)SegmentFormat.Part.Docs] = w.Length;
        foreach (var t in terms)
            w.WriteBytes(_terms[t].Docs);
        offsets[(int)SegmentFormat.Part.Positions] = w.Length;
        foreach (var t in terms)
            w.WriteBytes(_terms[t].Positions);
        offsets[(int)SegmentFormat.Part.Blocks] = w.Length;
        var allFields = new Search.Bm25F(AverageLengths(), (1 << IndexFields.ScoringFieldCount) - 1);
        foreach (var t in terms)
        {
            if (!BlockInfo.IsStored(_terms[t].DocFrequency))
                continue;
            var maxPseudo = BlockMaxPseudo(_terms[t], allFields);
            for (int i = 0; i < _terms[t].Blocks.Count; i++)
            {
                var b = _terms[t].Blocks[i];
                w.WriteInt32(b.LastDoc);
                w.WriteInt32(b.DocsOffset);
                w.WriteInt32(b.PositionsOffset);
                w.WriteBytes(b.MaxTf);
                foreach (ushort m in b.MinLength)
                    w.WriteUInt16(m);
                w.WriteFloat(maxPseudo[i]);
            }
        }

        long contentLength = w.Length;
        foreach (long o in offsets)
            w.WriteInt64(o);
        w.WriteInt64(contentLength);
        w.WriteInt32(unchecked((int)Crc32.Compute(w.Written[..(int)contentLength])));
        w.WriteInt32(unchecked((int)SegmentFormat.FooterMagic));
        return w.Written.ToArray();
    }

    /// <summary>
    /// Ids in the clear (the writer maps ids to documents at open), then per document its head Brotli-compressed
    /// and its section texts in compressed chunks (<see cref="StoredText"/>).
    /// </summary>
    private void WriteDocuments(ByteWriter w)
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
        w.WriteVarInt(_documents.Count);
        foreach (var d in _documents)
            w.WriteString(d.Id);
        foreach (long s in starts)
            w.WriteInt64(s);
        w.WriteBytes(blob.Written);
    }

    private void WriteSections(ByteWriter w)
    {
        w.WriteVarInt(_sectionDocument.Count);
        for (int i = 0; i < _sectionDocument.Count; i++)
        {
            w.WriteInt32(_sectionDocument[i]);
            foreach (int length in _sectionLengths[i])
                w.WriteInt32(length);
        }
        foreach (double average in AverageLengths())
            w.WriteInt64(BitConverter.DoubleToInt64Bits(average));
    }

    /// <summary>The segment's own average field lengths, against which block pseudo-frequencies are computed.</summary>
    private double[] AverageLengths()
    {
        var totals = new double[IndexFields.TextFieldCount];
        foreach (var lengths in _sectionLengths)
        {
            for (int f = 0; f < totals.Length; f++)
                totals[f] += lengths[f];
        }
        return [.. totals.Select(t => _sectionLengths.Count == 0 ? 1 : t / _sectionLengths.Count)];
    }

    /// <summary>
    /// The largest all-fields pseudo-frequency of each block of a term, found by decoding its blocks once;
    /// stored rounded up so that it never understates.
    /// </summary>
    private float[] BlockMaxPseudo(TermPostingsWriter postings, Search.Bm25F bm25)
    {
        var maxima = new float[postings.Blocks.Count];
        var block = new PostingsBlock();
        Span<int> tf = stackalloc int[IndexFields.ScoringFieldCount];
        for (int b = 0; b < maxima.Length; b++)
        {
            int count = Math.Min(TermPostingsWriter.BlockSize, postings.DocFrequency - (b * TermPostingsWriter.BlockSize));
            block.Decode(postings.Docs, postings.Blocks[b].DocsOffset, count, b == 0 ? -1 : postings.Blocks[b - 1].LastDoc);
            block.DecodeFrequencies(postings.Docs);
            for (int i = 0; i < count; i++)
            {
                block.Tf.AsSpan(i * tf.Length, tf.Length).CopyTo(tf);
                double pseudo = bm25.PseudoFrequency(tf, _sectionLengths[block.Docs[i]]);
                maxima[b] = Math.Max(maxima[b], MathF.BitIncrement((float)pseudo));
            }
        }
        return maxima;
    }

    private sealed class SectionTerm
    {
        public readonly int[] Tf = new int[IndexFields.ScoringFieldCount];
        public readonly List<int>?[] Positions = new List<int>?[IndexFields.TextFieldCount];
    }
}
