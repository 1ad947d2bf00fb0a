using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Regions;

/// <summary>A region named in a text, by its full name or a short form.</summary>
/// <param name="Region">The region meant.</param>
/// <param name="Offset">Where the name starts in the text.</param>
/// <param name="Length">Length of the name in the text.</param>
/// <param name="Form">The name as written: 怀化市, 怀化, 湘西州.</param>
public readonly record struct RegionMention(Region Region, int Offset, int Length, string Form);
