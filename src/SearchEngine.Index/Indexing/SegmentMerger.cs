using SearchEngine.Index.Postings;
using SearchEngine.Index.Search;
using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Writes one segment from several source segments without analysing anything: the live documents (those a
/// source's view does not flag deleted) keep their order, source by source. Stored entries are copied as they lie,
/// still compressed; section rows and facet columns are renumbered (string ordinals remapped into the merged
/// segment's sorted tables); postings are read term by term over the union of the sources' sorted terms, with
/// deleted documents' sections dropped and sections renumbered, and encoded again, so block data and score bounds
/// are those of the merged segment. The result equals the segment <see cref="SegmentBuilder"/> would build from the
/// same live documents. Memory holds the section table and one term's postings, never the segment: the postings
/// parts are spooled to temporary streams and appended to the file.
/// </summary>
internal sealed class SegmentMerger
{
    private readonly IReadOnlyList<SegmentView> _sources;

    /// <summary>Per source, the merged section ordinal of each of its sections, -1 for a deleted document's.</summary>
    private readonly int[][] _sectionMap;
    private readonly List<int> _sectionDocument = [];
    private readonly List<(int Source, int DocOrd)> _live = [];
    private readonly int[] _fieldLengths;

    public SegmentMerger(IReadOnlyList<SegmentView> sources)
    {
        _sources = sources;
        _sectionMap = new int[sources.Count][];
        var lengths = new List<int>();
        var row = new int[IndexFields.TextFieldCount];
        for (int i = 0; i < sources.Count; i++)
        {
            var reader = sources[i].Reader;
            var map = _sectionMap[i] = new int[reader.SectionCount];
            Array.Fill(map, -1);
            for (int d = 0; d < reader.DocumentCount; d++)
            {
                if (sources[i].Deleted[d])
                    continue;
                for (int s = reader.FirstSection[d]; s < reader.FirstSection[d + 1]; s++)
                {
                    map[s] = _sectionDocument.Count;
                    _sectionDocument.Add(_live.Count);
                    reader.ReadLengths(s, row);
                    lengths.AddRange(row);
                }
                _live.Add((i, d));
            }
        }
        _fieldLengths = [.. lengths];
    }

    /// <summary>Documents of the merged segment (the live documents of the sources).</summary>
    public int DocumentCount => _live.Count;

    public int SectionCount => _sectionDocument.Count;

    /// <summary>The source segment and document ordinal of each merged document, in merged order.</summary>
    public IReadOnlyList<(string Segment, int DocOrd)> Origins =>
        [.. _live.Select(l => (_sources[l.Source].Reader.Name, l.DocOrd))];

    /// <summary>Writes the merged segment to <paramref name="output"/>; <paramref name="spool"/> makes an empty read-write stream for a part.</summary>
    public void Write(Stream output, Func<Stream> spool)
    {
        var file = new SegmentFileWriter(output);
        var w = new ByteWriter(1 << 16);
        file.BeginPart(SegmentFormat.Part.Documents);
        WriteDocuments(file, w);
        var averages = SegmentParts.AverageLengths(_fieldLengths);
        file.BeginPart(SegmentFormat.Part.Sections);
        w.WriteVarInt(SectionCount);
        for (int s = 0; s < SectionCount; s++)
        {
            SegmentParts.WriteSection(w, _sectionDocument[s], _fieldLengths.AsSpan(s * IndexFields.TextFieldCount, IndexFields.TextFieldCount));
            if (w.Length >= 1 << 16)
                file.Write(w);
        }
        SegmentParts.WriteAverageLengths(w, averages);
        file.Write(w);
        file.BeginPart(SegmentFormat.Part.DocValues);
        WriteDocValues(file, w);
        using (var postings = new PostingsPartsWriter(spool, averages, _fieldLengths))
        {
            MergePostings(postings);
            postings.WriteTo(file);
        }
        file.Finish();
    }

    /// <summary>The document index with entry starts summed from the sources' entry lengths, then each live entry's bytes.</summary>
    private void WriteDocuments(SegmentFileWriter file, ByteWriter w)
    {
        var starts = new long[_live.Count + 1];
        var ids = new string[_live.Count];
        for (int i = 0; i < _live.Count; i++)
        {
            var (source, doc) = _live[i];
            ids[i] = _sources[source].Reader.DocumentId(doc);
            starts[i + 1] = starts[i] + _sources[source].Reader.StoredLength(doc);
        }
        SegmentParts.WriteDocumentIndex(w, ids, starts);
        file.Write(w);
        foreach (var (source, doc) in _live)
            _sources[source].Reader.CopyStored(doc, file);
    }

    /// <summary>
    /// The facet columns of the live documents: each table is the sorted set of values live documents use (deleted
    /// documents' values are dropped, as a build from the live documents would), and each source ordinal is mapped
    /// to its place in it.
    /// </summary>
    private void WriteDocValues(SegmentFileWriter file, ByteWriter w)
    {
        var used = new[] { new HashSet<string>(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal) };
        foreach (var (source, doc) in _live)
        {
            var reader = _sources[source].Reader;
            var v = reader.Values;
            used[0].UnionWith(v.DocumentIssuers[doc].ToArray().Select(o => v.Issuers[o]));
            if (v.Region[doc] >= 0)
                used[1].Add(v.Regions[v.Region[doc]]);
            if (v.Type[doc] >= 0)
                used[2].Add(v.Types[v.Type[doc]]);
            used[3].UnionWith(v.DocumentIndustries[doc].ToArray().Select(o => v.Industries[o]));
            for (int s = reader.FirstSection[doc]; s < reader.FirstSection[doc + 1]; s++)
            {
                used[3].UnionWith(v.SectionIndustries[s].ToArray().Select(o => v.Industries[o]));
                used[4].UnionWith(v.SectionUnits[s].ToArray().Select(o => v.Units[o]));
            }
        }
        var sorted = used.Select(set => (IReadOnlyList<string>)[.. set.Order(StringComparer.Ordinal)]).ToArray();
        var tables = new DocValueTables(sorted[0], sorted[1], sorted[2], sorted[3], sorted[4]);
        DocValuesCodec.WriteTables(w, tables);
        var maps = _sources.Select(view =>
        {
            var v = view.Reader.Values;
            return new[] { Remap(v.Issuers, tables.Issuers), Remap(v.Regions, tables.Regions), Remap(v.Types, tables.Types), Remap(v.Industries, tables.Industries), Remap(v.Units, tables.Units) };
        }).ToArray();
        foreach (var (source, doc) in _live)
        {
            var reader = _sources[source].Reader;
            var v = reader.Values;
            var map = maps[source];
            int first = reader.FirstSection[doc], end = reader.FirstSection[doc + 1];
            DocValuesCodec.WriteDocument(w, v.Year[doc], v.Date[doc], v.Region[doc] < 0 ? -1 : map[1][v.Region[doc]], v.Type[doc] < 0 ? -1 : map[2][v.Type[doc]],
                v.DocumentIssuers[doc].ToArray().Select(o => map[0][o]), v.DocumentIndustries[doc].ToArray().Select(o => map[3][o]), end - first);
            for (int s = first; s < end; s++)
                DocValuesCodec.WriteSection(w, v.SectionIndustries[s].ToArray().Select(o => map[3][o]), v.SectionUnits[s].ToArray().Select(o => map[4][o]));
            if (w.Length >= 1 << 16)
                file.Write(w);
        }
        file.Write(w);
    }

    /// <summary>Each source ordinal's ordinal in the merged table (-1 for a value only deleted documents used).</summary>
    private static int[] Remap(string[] source, IReadOnlyList<string> merged)
    {
        var map = new int[source.Length];
        for (int i = 0; i < source.Length; i++)
        {
            int at = BinarySearch(merged, source[i]);
            map[i] = at < 0 ? -1 : at;
        }
        return map;
    }

    private static int BinarySearch(IReadOnlyList<string> sorted, string value)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int c = string.CompareOrdinal(sorted[mid], value);
            if (c == 0)
                return mid;
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }

    /// <summary>
    /// A k-way merge of the sources' term lists in ordinal order: each term's postings are read from every source that
    /// has it, in source order (so merged sections increase), without the sections of deleted documents, and
    /// written again; a term whose postings were all deleted is dropped.
    /// </summary>
    private void MergePostings(PostingsPartsWriter output)
    {
        var terms = _sources.Select(v => v.Reader.EnumerateTerms().GetEnumerator()).ToArray();
        var queue = new PriorityQueue<int, (string Term, int Source)>(Comparer<(string Term, int Source)>.Create((a, b) =>
        {
            int c = string.CompareOrdinal(a.Term, b.Term);
            return c != 0 ? c : a.Source.CompareTo(b.Source);
        }));
        for (int i = 0; i < terms.Length; i++)
        {
            if (terms[i].MoveNext())
                queue.Enqueue(i, (terms[i].Current.Term, i));
        }
        var fieldPositions = new List<int>();
        var positions = new List<int>();
        var positionCounts = new int[IndexFields.TextFieldCount];
        var holders = new List<int>();
        var postings = new TermPostingsWriter();
        var cursors = new PostingsCursor?[_sources.Count]; // one per source, pointed at each of its terms in turn
        while (queue.TryPeek(out _, out var top))
        {
            string term = top.Term;
            holders.Clear();
            // Ties come out in source order, so the holders are already in the order their sections are renumbered.
            while (queue.TryPeek(out int source, out var next) && next.Term == term)
            {
                queue.Dequeue();
                holders.Add(source);
            }
            postings.Reset();
            foreach (int source in holders)
            {
                var map = _sectionMap[source];
                var info = terms[source].Current.Info;
                var cursor = cursors[source] ??= new PostingsCursor(_sources[source].Reader, info);
                cursor.Reset(info);
                for (int doc = cursor.NextDoc(); doc != PostingsCursor.NoMoreDocs; doc = cursor.NextDoc())
                {
                    int merged = map[doc];
                    if (merged < 0)
                        continue;
                    positions.Clear();
                    for (int f = 0; f < positionCounts.Length; f++)
                    {
                        cursor.ReadPositions((IndexField)f, fieldPositions);
                        positionCounts[f] = fieldPositions.Count;
                        positions.AddRange(fieldPositions);
                    }
                    postings.Add(merged, cursor.Tf, positionCounts, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(positions), _fieldLengths.AsSpan(merged * IndexFields.TextFieldCount, IndexFields.TextFieldCount));
                }
                if (terms[source].MoveNext())
                    queue.Enqueue(source, (terms[source].Current.Term, source));
            }
            if (postings.DocFrequency == 0)
                continue;
            postings.Finish();
            output.Add(term, postings);
        }
        foreach (var e in terms)
            e.Dispose();
    }
}
