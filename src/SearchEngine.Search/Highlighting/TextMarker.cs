namespace SearchEngine.Search.Highlighting;

/// <summary>
/// A whole text with what a query matched in <c>&lt;mark&gt;</c>, HTML-escaped everywhere else: the document
/// view's highlighting, built once per request by the engine that ran the query.
/// </summary>
public delegate string TextMarker(string text);
