namespace SearchEngine.Index.Storage;

/// <summary>
/// The layout of a segment file: header (magic, format version), then its parts in order, then a footer with
/// each part's offset, a CRC-32 of everything before the footer, and an end magic. A segment is written once,
/// synced, and never changed; a file whose footer or checksum does not verify is corrupt.
/// </summary>
internal static class SegmentFormat
{
    /// <summary>
    /// The format of segments and commit points together (a commit names it). 6: commit files and CURRENT end with a
    /// CRC-32 line; an index of format 5 is rebuilt rather than read without checksums. 7: a stored document is its
    /// head and its section texts in separately compressed chunks, so one section is read without the others.
    /// 8: 发文字号 in every spelling are one token (第, spaces, bare year), each document's own number is indexed with
    /// its series terms (DocumentNumberTerms), and the facet columns carry the date that orders a series.
    /// </summary>
    public const int Version = 8;
    public const uint HeaderMagic = 0x58494553; // "SEIX"
    public const uint FooterMagic = 0x444E4553; // "SEND"

    /// <summary>Parts, in file order.</summary>
    public enum Part
    {
        Documents,
        Sections,
        DocValues,
        Terms,
        Docs,
        Positions,
        Blocks,
    }

    public static readonly int PartCount = Enum.GetValues<Part>().Length;

    /// <summary>Footer: part offsets (8 bytes each), total length before the footer (8), CRC (4), magic (4).</summary>
    public static int FooterSize => (PartCount * 8) + 8 + 4 + 4;
}
