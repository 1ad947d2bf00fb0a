namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Limits every reader applies, whatever the format, so the cost of a file (memory, analysis, index size) is
/// bounded by a constant rather than by what the file's content can make a reader produce.
/// </summary>
internal static class ReadLimits
{
    /// <summary>
    /// Most characters of text one file may yield. The longest real policy documents (a law compilation, a
    /// 500-page plan) are around a million characters; a file yielding more than eight times that is refused
    /// with its reason rather than indexed in part.
    /// </summary>
    public const int MaxTextChars = 8 << 20;

    /// <summary>The limit as people read it in a failure reason: "8 M".</summary>
    public static string MaxTextCharsText => $"{MaxTextChars >> 20} M";
}
