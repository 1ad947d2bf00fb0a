using System.Globalization;
using System.Text.Json.Nodes;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// What this process's resident memory is made of, from <c>/proc/self/smaps</c> (Linux): pages of the index's
/// mapped segment files, of code (assemblies, native libraries, JIT-compiled code), and anonymous memory (the
/// managed heap, the runtime's own, thread stacks), with the garbage collector's own account of what it has
/// committed. The target "resident memory while serving at most half the index" is about the sum; the parts say
/// which one to shrink.
/// </summary>
internal static class ResidentMemory
{
    /// <summary>MB per part, or null where smaps cannot be read.</summary>
    public static JsonObject? Composition()
    {
        const string Smaps = "/proc/self/smaps";
        if (!File.Exists(Smaps))
            return null;
        long index = 0, code = 0, anonymous = 0, other = 0;
        string path = "";
        foreach (string line in File.ReadLines(Smaps))
        {
            if (IsMappingHeader(line))
            {
                // "start-end perms offset dev inode   pathname": the path is the sixth field, if any.
                var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                path = fields.Length == 6 ? fields[5].Trim() : "";
                continue;
            }
            if (!line.StartsWith("Rss:", StringComparison.Ordinal))
                continue;
            long kb = long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            if (path.EndsWith(".seg", StringComparison.Ordinal) || path.EndsWith(".seg (deleted)", StringComparison.Ordinal))
                index += kb;
            else if (path.EndsWith(".dll", StringComparison.Ordinal) || path.Contains(".so", StringComparison.Ordinal) || path.EndsWith("/dotnet", StringComparison.Ordinal)
                || path.Contains("doublemapper", StringComparison.Ordinal))
                code += kb; // the last: the runtime maps JIT-compiled code twice (write, execute) through a memfd
            else if (path.Length == 0 || path.StartsWith('['))
                anonymous += kb;
            else
                other += kb;
        }
        var gc = GC.GetGCMemoryInfo();
        return new JsonObject
        {
            ["index_mapped_mb"] = index / 1e3,
            ["gc_committed_mb"] = gc.TotalCommittedBytes / 1e6,
            ["gc_heap_mb"] = gc.HeapSizeBytes / 1e6,
            ["gc_fragmented_mb"] = gc.FragmentedBytes / 1e6,
            // gen0, gen1, gen2, large objects, pinned objects, after the last collection: size / free space in it
            ["gc_generations_mb"] = string.Join("; ", gc.GenerationInfo.ToArray().Select(g => $"{g.SizeAfterBytes / 1e6:F1} / {g.FragmentationAfterBytes / 1e6:F1}")),
            ["code_mb"] = code / 1e3,
            ["anonymous_mb"] = anonymous / 1e3,
            ["other_files_mb"] = other / 1e3,
        };
    }

    private static readonly System.Buffers.SearchValues<char> AddressCharacters = System.Buffers.SearchValues.Create("0123456789abcdef-");

    /// <summary>A mapping's first line starts with its address range ("7f0a…-7f0b… r-xp …"); its attribute lines with "Name:".</summary>
    private static bool IsMappingHeader(string line)
    {
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            return false;
        var range = line.AsSpan(0, space);
        return range.Contains('-') && !range.ContainsAnyExcept(AddressCharacters);
    }
}
