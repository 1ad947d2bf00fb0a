using SearchEngine.Search.Model;

namespace SearchEngine.Index.Storage;

/// <summary>
/// The encodings of a segment's Documents and Sections parts (<see cref="SegmentFormat"/>), shared by the builder and
/// the merger so both write the same bytes for the same documents.
/// </summary>
internal static class SegmentParts
{
    /// <summary>
    /// The head of the Documents part: the document count, ids in the clear (the writer maps ids to documents at open),
    /// and each stored entry's 64-bit start in the blob that follows (with the blob's length last), so the stored
    /// documents of one segment may pass 2 GB.
    /// </summary>
    public static void WriteDocumentIndex(ByteWriter w, IReadOnlyList<string> ids, IReadOnlyList<long> starts)
    {
        w.WriteVarInt(ids.Count);
        foreach (var id in ids)
            w.WriteString(id);
        foreach (long s in starts)
            w.WriteInt64(s);
    }

    /// <summary>One row of the section table: the section's document ordinal and its whole-word length per text field.</summary>
    public static void WriteSection(ByteWriter w, int document, ReadOnlySpan<int> lengths)
    {
        w.WriteInt32(document);
        foreach (int length in lengths)
            w.WriteInt32(length);
    }

    /// <summary>The end of the section table: the segment's average length per text field.</summary>
    public static void WriteAverageLengths(ByteWriter w, double[] averages)
    {
        foreach (double average in averages)
            w.WriteInt64(BitConverter.DoubleToInt64Bits(average));
    }

    /// <summary>The average field lengths of sections given row-major (summed in section order, so equal inputs give equal bits).</summary>
    public static double[] AverageLengths(ReadOnlySpan<int> fieldLengths)
    {
        int sections = fieldLengths.Length / IndexFields.TextFieldCount;
        var totals = new double[IndexFields.TextFieldCount];
        for (int s = 0; s < sections; s++)
        {
            for (int f = 0; f < totals.Length; f++)
                totals[f] += fieldLengths[(s * IndexFields.TextFieldCount) + f];
        }
        return [.. totals.Select(t => sections == 0 ? 1 : t / sections)];
    }
}
