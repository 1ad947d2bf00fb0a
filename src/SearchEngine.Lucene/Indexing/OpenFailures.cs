using Lucene.Net.Index;
using SearchEngine.Search;

namespace SearchEngine.Lucene.Indexing;

/// <summary>
/// Lucene's reasons for not opening an index, as the contract's exceptions with a sentence: another Lucene format
/// is <see cref="IndexFormatException"/> (rebuild), damaged files are <see cref="IndexDamagedException"/> (nothing
/// is changed or deleted).
/// </summary>
internal static class OpenFailures
{
    public static T Translate<T>(string folder, Func<T> open)
    {
        try
        {
            return open();
        }
        catch (IndexFormatTooOldException e)
        {
            throw new IndexFormatException($"Index '{folder}' was written by an older Lucene format than this build reads ({e.Message}). Rebuild it with 'searchengine index seeds/ --engine lucene'.", e);
        }
        catch (IndexFormatTooNewException e)
        {
            throw new IndexFormatException($"Index '{folder}' was written by a newer Lucene format than this build reads ({e.Message}). Rebuild it with 'searchengine index seeds/ --engine lucene'.", e);
        }
        // Lucene.Net reports a checksum mismatch as a plain IOException and a truncated file as the end of a stream.
        catch (Exception e) when (e is CorruptIndexException or EndOfStreamException
            || (e.GetType() == typeof(IOException) && e.Message.StartsWith("checksum failed", StringComparison.Ordinal)))
        {
            throw new IndexDamagedException(
                $"Index '{folder}' is damaged ({e.Message}). Nothing was changed: restore the folder from a copy, or rebuild the index in another folder.", e);
        }
    }
}
