using SearchEngine.Index.Storage;
using SearchEngine.Search.Model;

namespace SearchEngine.Index.Indexing;

/// <summary>
/// A segment a flush is building or has written, not yet named by a commit. Its name is fixed when the flush
/// starts, so a later replacement or deletion of one of its documents can be recorded against it at once (a
/// document's ordinal is its place in the batch).
/// </summary>
internal sealed class FlushedSegment
{
    /// <summary>Set when the flush failed: the batch, kept so that the commit can write it again (after a full disk is freed).</summary>
    private volatile IReadOnlyList<DocumentRecord>? _failedBatch;

    /// <summary>Starts building <paramref name="batch"/> as segment <paramref name="name"/> on the thread pool.</summary>
    public FlushedSegment(string name, IReadOnlyList<DocumentRecord> batch, Func<IReadOnlyList<DocumentRecord>, SegmentReader> build)
    {
        Name = name;
        Documents = batch.Count;
        // The batch is released once the segment is written; only a failure keeps it.
        Written = Task.Run(() =>
        {
            try
            {
                return build(batch);
            }
            catch
            {
                _failedBatch = batch;
                throw;
            }
        });
    }

    public string Name { get; }

    public string FileName => Name + ".seg";

    public int Documents { get; }

    /// <summary>Completes when the segment file is durable and open.</summary>
    public Task<SegmentReader> Written { get; private set; }

    /// <summary>
    /// The written segment; a failed flush is written again here, on the calling thread, and its error thrown if it
    /// fails again (the documents stay with this flush until a rollback).
    /// </summary>
    public SegmentReader Result(Func<IReadOnlyList<DocumentRecord>, SegmentReader> build)
    {
        try
        {
            Written.Wait();
        }
        catch (AggregateException) when (_failedBatch is { } batch)
        {
            var reader = build(batch);
            _failedBatch = null;
            Written = Task.FromResult(reader);
        }
        return Written.Result;
    }
}
