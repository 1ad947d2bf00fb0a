namespace SearchEngine.Index.Storage;

/// <summary>
/// Where a term's postings lie in its segment: absolute offsets into the segment file (which may pass 2 GB) and the
/// byte lengths of the term's own docs and positions (each below 2 GB).
/// </summary>
internal readonly record struct TermInfo(int DocFrequency, long DocsStart, int DocsLength, long PositionsStart, int PositionsLength, long BlocksStart, int BlockCount);
