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
}
