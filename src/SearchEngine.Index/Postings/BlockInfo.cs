namespace SearchEngine.Index.Postings;

/// <summary>
/// Skip and bound data of one block of up to <see cref="TermPostingsWriter.BlockSize"/> postings: where it
/// starts, its last section, and per field the largest term frequency and smallest field length in it, from
/// which a query computes the block's score upper bound with the collection's current average lengths.
/// </summary>
internal readonly record struct BlockInfo(int LastDoc, int DocsOffset, int PositionsOffset, byte[] MaxTf, ushort[] MinLength)
{
    public const int EncodedSize = 12 + Model.IndexFields.ScoringFieldCount + (2 * Model.IndexFields.TextFieldCount);
}
