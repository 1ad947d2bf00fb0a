using System.IO.Compression;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Looks at a zip's central directory before anything is inflated (.docx, .xlsx, .ofd are zips): refuses archives
/// that would expand past the limits, that hold too many entries, or whose entries have absolute or parent (..)
/// paths, which no office file has. Sizes are what the directory declares; readers also cap what they parse.
/// </summary>
internal static class ZipGuard
{
    /// <summary>Most uncompressed bytes an archive may expand to; a zip bomb is refused before anything is inflated.</summary>
    public const long MaxUncompressedBytes = 256L << 20;

    /// <summary>Largest compression ratio of one entry; text compresses far less than a bomb's zeros.</summary>
    public const double MaxCompressionRatio = 200;

    /// <summary>Most entries; a real office file has dozens, an OFD one a few per page.</summary>
    public const int MaxEntries = 20_000;

    /// <summary>Null when the archive may be opened, else why not, naming the file as <paramref name="kind"/> (".docx").</summary>
    public static string? Check(string path, string kind)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxEntries)
                return $"the {kind} holds {zip.Entries.Count:N0} zip entries (the limit is {MaxEntries:N0}); it was not opened";
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                string name = entry.FullName.Replace('\\', '/');
                if (IsUnsafe(name))
                    return $"the {kind} holds an entry with an unsafe path ('{name}'); it was not opened";
                total += entry.Length;
                if (total > MaxUncompressedBytes)
                    return $"the {kind} would expand to more than {MaxUncompressedBytes >> 20} MiB (a zip bomb?); it was not opened";
                if (entry.CompressedLength > 0 && entry.Length > 1 << 20 && (double)entry.Length / entry.CompressedLength > MaxCompressionRatio)
                    return $"the {kind} entry '{name}' is compressed {entry.Length / entry.CompressedLength}:1 (a zip bomb?); it was not opened";
            }
            return null;
        }
        catch (InvalidDataException e)
        {
            return $"the {kind} is truncated or corrupt ({e.Message.TrimEnd('.')})";
        }
    }

    /// <summary>An absolute path, a drive letter or a parent step: an entry that would land outside its folder.</summary>
    public static bool IsUnsafe(string name) =>
        name.StartsWith('/') || name.Split('/').Contains("..") || (name.Length > 1 && name[1] == ':');
}
