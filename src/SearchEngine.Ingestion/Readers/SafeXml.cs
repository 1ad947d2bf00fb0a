using System.Xml;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// XmlReader settings for XML parts of untrusted archives (.xlsx sheets, OFD pages): no DTD (so no entity
/// expansion and no external entities), no resolver, a cap on the characters parsed, and a nesting limit the
/// readers check as they go, since a streaming reader would otherwise follow any depth.
/// </summary>
internal static class SafeXml
{
    /// <summary>Deepest element nesting accepted; real parts nest a dozen levels.</summary>
    public const int MaxDepth = 256;

    /// <summary>Most characters parsed from one part.</summary>
    public const long MaxCharacters = 128L << 20;

    public static XmlReader Open(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    /// <summary>Reads the next node, refusing nesting deeper than <see cref="MaxDepth"/>.</summary>
    public static bool ReadChecked(XmlReader reader, string part)
    {
        if (!reader.Read())
            return false;
        if (reader.Depth > MaxDepth)
            throw new XmlException($"'{part}' nests elements more than {MaxDepth} levels deep");
        return true;
    }
}
