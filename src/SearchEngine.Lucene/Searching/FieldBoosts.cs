using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Searching;

/// <summary>
/// The native engine's BM25F field boosts, restated for Lucene's per-field BM25 (this project does not reference
/// the native engine): the title and the heading path weigh twice the body and the units.
/// </summary>
internal static class FieldBoosts
{
    private static readonly float[] Boosts = [2f, 2f, 1f, 1f];

    public static float Of(IndexField field) => Boosts[(int)field];

    /// <summary>The text fields a compiled field mask names: a field counts when its whole-word or its sub-word bit is set.</summary>
    public static IEnumerable<IndexField> Fields(int mask)
    {
        foreach (var field in Enum.GetValues<IndexField>())
        {
            if ((mask & (1 << (int)field)) != 0 || (mask & (1 << ((int)field + IndexFields.TextFieldCount))) != 0)
                yield return field;
        }
    }
}
