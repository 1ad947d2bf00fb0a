namespace SearchEngine.Core.Targets;

/// <summary>
/// 数量 — a number with its unit as printed in a sentence: 18%, 13000家, 5.0%—5.5%, 1.2万亿元, 20%以上, 翻一番.
/// Offsets are into the text the <see cref="QuantityReader"/> read.
/// </summary>
/// <param name="Start">Offset of the first digit (or of 翻).</param>
/// <param name="End">Offset just past the unit and any qualifier after it (以上, 左右, 以内).</param>
/// <param name="Value">The number; a range's low end.</param>
/// <param name="ValueMax">A range's high end, else null.</param>
/// <param name="Unit">The unit, ％ folded to %.</param>
/// <param name="Suffix">The qualifier after the unit (以上 / 以下 / 以内 / 左右 …), else null.</param>
/// <param name="Attributive">True when 的 follows (营业收入5000万元以上的企业): the quantity describes a noun, it is no goal.</param>
internal readonly record struct Quantity(int Start, int End, decimal Value, decimal? ValueMax, string Unit, string? Suffix, bool Attributive);
