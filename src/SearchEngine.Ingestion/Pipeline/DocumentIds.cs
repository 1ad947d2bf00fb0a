using System.Security.Cryptography;
using System.Text;

namespace SearchEngine.Ingestion.Pipeline;

/// <summary>
/// Document ids: readable in URLs, unique within an ingested set, and stable across runs. The file name
/// without extension (000_146095241881ebac); where two files share it, the extension is added (policy-pdf,
/// policy-docx); where that still collides (a/x.txt, b/x.txt), a short hash of the path is too.
/// </summary>
public static class DocumentIds
{
    public static string FromSource(string source) => Path.GetFileNameWithoutExtension(source);

    public static Dictionary<string, string> Assign(IReadOnlyCollection<string> sources)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var byStem = sources.GroupBy(FromSource, StringComparer.OrdinalIgnoreCase);
        foreach (var group in byStem)
        {
            if (group.Count() == 1)
            {
                ids[group.First()] = group.Key;
                continue;
            }
            foreach (var byExtension in group.GroupBy(s => Path.GetExtension(s).TrimStart('.').ToLowerInvariant()))
            {
                foreach (var source in byExtension)
                {
                    string id = $"{FromSource(source)}-{byExtension.Key}";
                    ids[source] = byExtension.Count() == 1 ? id : $"{id}-{ShortHash(source)}";
                }
            }
        }
        return ids;
    }

    private static string ShortHash(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..6];
}
