using SearchEngine.Search.Model;

namespace SearchEngine.Index.Postings;

/// <summary>
/// Skip and bound data of one block of up to <see cref="TermPostingsWriter.BlockSize"/> postings: where it
/// starts, its last section, per field the largest term frequency and smallest field length in it (a loose
/// bound for any field mask), and the largest all-fields BM25F pseudo-frequency of its sections computed with
/// the segment's average lengths (a tight bound, rescaled at query time for the collection's averages).
/// </summary>
internal readonly record struct BlockInfo(int LastDoc, int DocsOffset, int PositionsOffset, byte[] MaxTf, ushort[] MinLength)
{
    public const int MaxPseudoOffset = 12 + IndexFields.ScoringFieldCount + (2 * IndexFields.TextFieldCount);
    public const int EncodedSize = MaxPseudoOffset + 4;

    /// <summary>
    /// Whether a term's blocks are written: only when it has a full block. A shorter list is decoded whole on
    /// the first call and never skipped into, and its bounds are the loosest (most frequent, shortest fields),
    /// which can only keep a section, never drop one; Lucene likewise writes skip data and impacts only from
    /// 128 documents and gives shorter lists dummy impacts. Most terms of a segment are rare, and 32 bytes of
    /// block data each were a fifth of a small index.
    /// </summary>
    public static bool IsStored(int docFrequency) => docFrequency >= TermPostingsWriter.BlockSize;
}
