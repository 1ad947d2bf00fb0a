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
        var raw = new byte[RawLength(blob)];
        Decompress(blob, raw);
        return raw;
    }

    /// <summary>How many bytes <paramref name="blob"/> decompresses to, as its header says.</summary>
    public static int RawLength(ReadOnlySpan<byte> blob) => BinaryPrimitives.ReadInt32LittleEndian(blob);

    /// <summary>Decompresses into <paramref name="raw"/>, which is <see cref="RawLength"/> bytes long.</summary>
    public static void Decompress(ReadOnlySpan<byte> blob, Span<byte> raw)
    {
        if (!BrotliDecoder.TryDecompress(blob[4..], raw, out int written) || written != raw.Length || raw.Length != RawLength(blob))
            throw new InvalidDataException("A stored document does not decompress; the segment is corrupt.");
    }
}
