using System.Buffers.Binary;
using System.IO.Compression;

namespace SearchEngine.Index.Storage;

/// <summary>
/// Stored documents are Brotli-compressed one by one (Chinese text shrinks to about a third), so a hit costs one
/// small decompression and no neighbouring document is touched. Each blob starts with its raw length.
/// </summary>
internal static class StoredCompression
{
    private const int Quality = 5, Window = 22;

    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        var output = new byte[4 + BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(output, raw.Length);
        if (!BrotliEncoder.TryCompress(raw, output.AsSpan(4), out int written, Quality, Window))
            throw new InvalidOperationException("Brotli could not compress a stored document.");
        return output[..(4 + written)];
    }

    public static byte[] Decompress(ReadOnlySpan<byte> blob)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(blob);
        var raw = new byte[length];
        if (!BrotliDecoder.TryDecompress(blob[4..], raw, out int written) || written != length)
            throw new InvalidDataException("A stored document does not decompress; the segment is corrupt.");
        return raw;
    }
}
