namespace SearchEngine.Core.Analysis;

/// <summary>Whether analysis is for the index (with sub-words) or for a query (the best segmentation only).</summary>
public enum AnalysisMode
{
    /// <summary>The segmentation plus sub-words and parts of long tokens, so a word inside a longer word is found.</summary>
    Index,

    /// <summary>The segmentation only: the terms a query looks for, in order.</summary>
    Query,
}
