using SearchEngine.Search;
using SearchEngine.Search.Model;

namespace SearchEngine.Web.Export;

/// <summary>
/// The hits of one search read a page at a time, up to a limit, all from one snapshot (a commit meanwhile changes
/// nothing of what is read): an export writes each page as it comes and never holds more than one. The first page is
/// read at once, so the total is known before anything is written (the truncation header goes out first).
/// </summary>
internal sealed class HitPages
{
    /// <summary>Hits asked for per search.</summary>
    public const int PageSize = 100;

    private readonly IIndexSnapshot _snapshot;
    private readonly SearchRequest _request;
    private readonly SearchResult _first;

    /// <param name="snapshot">The snapshot every page is read from.</param>
    /// <param name="request">The search; its page and size are set here.</param>
    /// <param name="limit">Most hits read.</param>
    public HitPages(IIndexSnapshot snapshot, SearchRequest request, int limit)
    {
        _snapshot = snapshot;
        Limit = Math.Max(1, limit);
        _request = request with { Page = 1, Size = Math.Min(PageSize, Limit), Facets = false };
        _first = snapshot.Search(_request);
    }

    public int Limit { get; }

    /// <summary>What the search matches: documents when it groups by document, else sections (as the page counts its results).</summary>
    public long Total => _request.GroupByDocument ? _first.TotalDocuments : _first.Total;

    /// <summary>Whether the search matches more than <see cref="Limit"/>: what is read is then its first <see cref="Limit"/>.</summary>
    public bool Truncated => Total > Limit;

    /// <summary>The hits in the search's order, page after page, at most <see cref="Limit"/>.</summary>
    public IEnumerable<SearchHit> Read(CancellationToken cancel = default)
    {
        int read = 0;
        var result = _first;
        for (int page = 1; ; page++)
        {
            if (page > 1)
            {
                cancel.ThrowIfCancellationRequested();
                result = _snapshot.Search(_request with { Page = page });
            }
            foreach (var hit in result.Hits)
            {
                if (read == Limit)
                    yield break;
                read++;
                yield return hit;
            }
            if (result.Hits.Count < _request.Size || read == Limit)
                yield break;
        }
    }
}
