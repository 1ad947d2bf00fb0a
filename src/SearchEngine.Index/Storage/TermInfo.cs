namespace SearchEngine.Index.Storage;

/// <summary>Where a term's postings lie in its segment (absolute offsets into the segment's bytes).</summary>
internal readonly record struct TermInfo(int DocFrequency, int DocsStart, int DocsLength, int PositionsStart, int BlocksStart, int BlockCount);
