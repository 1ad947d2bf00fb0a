using Lucene.Net.Index;
using SearchEngine.Search.Querying;

namespace SearchEngine.Lucene.Searching;

/// <summary>Turns the parsed query language into a Lucene query with the terms of the index's analyzer.</summary>
internal interface IQueryPlanner
{
    PreparedQuery Prepare(QueryNode? root, bool expand, IndexReader reader);
}
