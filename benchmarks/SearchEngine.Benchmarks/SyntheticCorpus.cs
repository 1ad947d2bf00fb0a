using System.Text;
using System.Text.Json;

namespace SearchEngine.Benchmarks;

/// <summary>
/// The synthetic corpus of ../shared/peers/corpus/scale.py (JSON Lines: id, title, issuer, year, sections of
/// heading and text), turned back into the plain text of a policy file: title line, then each section's
/// heading and text. Generate it with
/// python3 ../shared/peers/corpus/scale.py --seeds seeds --n 1000 --out /tmp/corpus_1000.jsonl
/// </summary>
internal static class SyntheticCorpus
{
    public static List<(string Id, string Text)> Load(string path, int limit)
    {
        var documents = new List<(string, string)>();
        foreach (var line in File.ReadLines(path).Take(limit))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var text = new StringBuilder();
            text.Append(root.GetProperty("title").GetString()).Append('\n');
            foreach (var section in root.GetProperty("sections").EnumerateArray())
            {
                string heading = section.GetProperty("heading").GetString() ?? "";
                if (heading.Length > 0)
                    text.Append(heading).Append('\n');
                text.Append(section.GetProperty("text").GetString()).Append('\n');
            }
            documents.Add((root.GetProperty("id").GetString()!, text.ToString()));
        }
        return documents;
    }
}
