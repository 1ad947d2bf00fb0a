namespace SearchEngine.Core.Documents;

/// <summary>A metadata value with where it came from.</summary>
/// <param name="Value">The value.</param>
/// <param name="Provenance">Printed, from the file's metadata, or inferred.</param>
/// <param name="Evidence">The text it was read from, or for an inferred value the reasoning and the clues.</param>
/// <param name="Offset">Offset of the evidence in the document text; -1 when it is not in the text.</param>
public sealed record Found<T>(T Value, Provenance Provenance, string Evidence, int Offset = -1);
