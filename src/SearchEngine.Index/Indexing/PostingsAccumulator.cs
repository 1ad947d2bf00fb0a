using System.Runtime.InteropServices;
using SearchEngine.Index.Postings;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// Every term's postings while a segment is built, each term an id and a compact stream of ints, until the segment
/// is written and one reused <see cref="TermPostingsWriter"/> encodes them term by term in ordinal order. A flushed
/// segment holds a few hundred thousand terms, most of them in one or two sections: a writer of its own per term
/// (block buffers of several kilobytes) would cost gigabytes and most of the indexing time in the collector.
/// </summary>
internal sealed class PostingsAccumulator
{
    private const int InitialStream = 8;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private string[] _terms = new string[1024];
    private int[][] _streams = new int[1024][];
    private int[] _lengths = new int[1024];

    public int TermCount => _ids.Count;

    /// <summary>The id of <paramref name="term"/>, a new one the first time it is seen.</summary>
    public int Id(string term)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, term, out bool exists);
        if (exists)
            return id;
        id = _ids.Count - 1;
        if (id == _terms.Length)
        {
            Array.Resize(ref _terms, id * 2);
            Array.Resize(ref _streams, id * 2);
            Array.Resize(ref _lengths, id * 2);
        }
        _terms[id] = term;
        _streams[id] = new int[InitialStream];
        return id;
    }

    /// <summary>
    /// Appends one section's postings of a term (sections in increasing order): frequency per scoring field, and per
    /// text field the number of its sorted slots, the slots one field after another. Stored as the section, the mask
    /// of scoring fields present, their frequencies, the slot count of each text field present, then the slots.
    /// </summary>
    public void Add(int termId, int section, ReadOnlySpan<int> tf, ReadOnlySpan<int> positionCounts, ReadOnlySpan<int> positions)
    {
        var stream = Reserve(termId, 2 + IndexFields.ScoringFieldCount + IndexFields.TextFieldCount + positions.Length);
        int at = _lengths[termId];
        stream[at++] = section;
        int maskAt = at++;
        int mask = 0;
        for (int f = 0; f < IndexFields.ScoringFieldCount; f++)
        {
            if (tf[f] <= 0)
                continue;
            mask |= 1 << f;
            stream[at++] = tf[f];
        }
        stream[maskAt] = mask;
        for (int f = 0; f < IndexFields.TextFieldCount; f++)
        {
            if ((mask & PostingsBlock.TextFieldBits(f)) != 0)
                stream[at++] = positionCounts[f];
        }
        positions.CopyTo(stream.AsSpan(at));
        _lengths[termId] = at + positions.Length;
    }

    /// <summary>Encodes every term's postings, terms in ordinal order; each term's stream is released once written.</summary>
    /// <param name="output">The parts writer of the segment being written.</param>
    /// <param name="fieldLengths">Whole-word token count per section and text field, row-major by section.</param>
    public void WriteTo(PostingsPartsWriter output, int[] fieldLengths)
    {
        int count = _ids.Count;
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        Array.Sort(_terms.AsSpan(0, count).ToArray(), order, StringComparer.Ordinal);
        var writer = new TermPostingsWriter();
        Span<int> tf = stackalloc int[IndexFields.ScoringFieldCount];
        Span<int> counts = stackalloc int[IndexFields.TextFieldCount];
        foreach (int id in order)
        {
            writer.Reset();
            var stream = _streams[id].AsSpan(0, _lengths[id]);
            int at = 0;
            while (at < stream.Length)
            {
                int section = stream[at++];
                int mask = stream[at++];
                for (int f = 0; f < tf.Length; f++)
                    tf[f] = (mask & (1 << f)) != 0 ? stream[at++] : 0;
                int total = 0;
                for (int f = 0; f < counts.Length; f++)
                {
                    counts[f] = (mask & PostingsBlock.TextFieldBits(f)) != 0 ? stream[at++] : 0;
                    total += counts[f];
                }
                writer.Add(section, tf, counts, stream.Slice(at, total),
                    fieldLengths.AsSpan(section * IndexFields.TextFieldCount, IndexFields.TextFieldCount));
                at += total;
            }
            writer.Finish();
            output.Add(_terms[id], writer);
            _streams[id] = [];
        }
    }

    private int[] Reserve(int termId, int needed)
    {
        var stream = _streams[termId];
        int length = _lengths[termId];
        if (length + needed > stream.Length)
        {
            Array.Resize(ref stream, Math.Max(stream.Length * 2, length + needed));
            _streams[termId] = stream;
        }
        return stream;
    }
}
