using System.Text;

namespace SearchEngine.Index.Storage;

/// <summary>
/// A document's section texts, stored one after another and cut into chunks of about <see cref="ChunkCharacters"/>
/// characters, each Brotli-compressed on its own. Reading one section, or a window of a very long one, decompresses
/// only the chunks it touches (a document view or a snippet costs the page, not the document), while a chunk is
/// still large enough for Brotli to find the repetition in policy text.
/// </summary>
internal static class StoredText
{
    /// <summary>Characters per chunk: 16 K characters are ~48 KB of UTF-8 Chinese, compressed to about a third.</summary>
    public const int ChunkCharacters = 16 * 1024;

    /// <summary>Writes the chunk count, each chunk's character count and compressed length, then the chunks.</summary>
    public static void Write(ByteWriter w, IEnumerable<string> bodies)
    {
        string all = string.Concat(bodies);
        var chunks = new List<(int Characters, byte[] Blob)>();
        for (int at = 0; at < all.Length;)
        {
            int end = Math.Min(all.Length, at + ChunkCharacters);
            if (end < all.Length && char.IsHighSurrogate(all[end - 1]))
                end--; // a pair stays in one chunk, so each chunk is valid UTF-16 and round-trips through UTF-8
            chunks.Add((end - at, StoredCompression.Compress(Encoding.UTF8.GetBytes(all, at, end - at))));
            at = end;
        }
        w.WriteVarInt(chunks.Count);
        foreach (var (characters, blob) in chunks)
        {
            w.WriteVarInt(characters);
            w.WriteVarInt(blob.Length);
        }
        foreach (var (_, blob) in chunks)
            w.WriteBytes(blob);
    }
}
