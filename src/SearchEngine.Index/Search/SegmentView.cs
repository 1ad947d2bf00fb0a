using SearchEngine.Index.Storage;

namespace SearchEngine.Index.Search;

/// <summary>A segment as one snapshot sees it: the immutable reader and the documents deleted as of that commit.</summary>
internal sealed class SegmentView(SegmentReader reader, bool[] deleted, SegmentEntry entry)
{
    public SegmentReader Reader { get; } = reader;

    /// <summary>Deleted flag per document ordinal.</summary>
    public bool[] Deleted { get; } = deleted;

    public SegmentEntry Entry { get; } = entry;

    public bool IsLiveSection(int section) => !Deleted[Reader.SectionDocument[section]];
}
