using SearchEngine.Search.Model;

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
    /// 8: the facet columns hold each document's date, so a search sorts by date without reading stored documents.
    /// 9: index-time tokens changed: dictionary words crossing into a long word (数据要素 of 数据 | 要素市场化配置) are
    /// sub-words, so an index built before would miss them; it is rebuilt.
    /// 10: BM25F's body length normalisation and heading boost changed (<see cref="Search.Bm25F"/>), and each
    /// postings block stores its maximum pseudo-frequency under those parameters, so an older block bound could
    /// be below a section's score and prune a hit; such an index is rebuilt.
    /// 11: 发文字号 in every spelling are one token (第, spaces, bare year), and each document's own number is indexed
    /// with its series terms (DocumentNumberTerms).
    /// 12: the facet columns hold each section's responsible units, for the 责任单位 facet and filter.
    /// 13: postings are packed a block of 128 at a time at the bit width of the block's largest value
    /// (<see cref="Postings.PackedInts"/>), and the term dictionary is front-coded with offsets implied by lengths,
    /// to bring the index near the size of its text; an older index is rebuilt.
    /// 14: segments are read through a memory map instead of onto the heap: the term dictionary is in blocks of
    /// <see cref="TermDictionary.BlockTerms"/> terms searched on disk through a small term index (its own part), and
    /// stored documents start at 64-bit offsets, so a segment may pass 2 GB.
    /// 15: a stored document carries its plan targets (<see cref="DocumentCodec.WriteTargets"/>) between its head and
    /// its texts; an older index has none and is rebuilt.
    /// 16: scoring reads a field's length as a one-byte code (<see cref="Search.LengthNorm"/>), and each postings
    /// block's maximum pseudo-frequency is computed from those codes; an older block bound, from exact lengths, could
    /// be below a score, so such an index is rebuilt.
    /// </summary>
    public const int Version = 16;
    public const uint HeaderMagic = 0x58494553; // "SEIX"
    public const uint FooterMagic = 0x444E4553; // "SEND"

    /// <summary>Parts, in file order.</summary>
    public enum Part
    {
        Documents,
        Sections,
        DocValues,
        Terms,
        TermIndex,
        Docs,
        Positions,
        Blocks,
    }

    public static readonly int PartCount = Enum.GetValues<Part>().Length;

    /// <summary>Footer: part offsets (8 bytes each), total length before the footer (8), CRC (4), magic (4).</summary>
    public static int FooterSize => (PartCount * 8) + 8 + 4 + 4;
}
