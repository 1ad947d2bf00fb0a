namespace SearchEngine.Core.Analysis;

/// <summary>
/// 词元 — one term of analysed text. <see cref="Start"/>/<see cref="End"/> are offsets into the original text,
/// so highlighting is exact; <see cref="Position"/>/<see cref="PositionEnd"/> count character slots (every
/// non-space character is a slot), so tokens of one text that overlap (a word and its sub-words) still line up
/// for phrase queries, punctuation and stop words leave gaps, and spaces leave none.
/// </summary>
/// <param name="Text">The normalised term: simplified, half-width, lower case.</param>
/// <param name="Start">Offset of the first original character.</param>
/// <param name="End">Offset after the last original character.</param>
/// <param name="Position">Slot of the first character.</param>
/// <param name="PositionEnd">Slot after the last character.</param>
/// <param name="Kind">What the token is; <see cref="TokenKind.SubWord"/> marks index-only extra tokens.</param>
public readonly record struct Token(string Text, int Start, int End, int Position, int PositionEnd, TokenKind Kind)
{
    public override string ToString() => $"{Text}[{Start}-{End}@{Position}]";
}
