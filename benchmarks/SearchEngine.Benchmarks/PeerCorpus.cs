using System.Text.Json;
using SearchEngine.Core.Documents;
using SearchEngine.Search.Model;
using SearchEngine.Search.Querying;

namespace SearchEngine.Benchmarks;

/// <summary>
/// The peers' synthetic corpus (JSON Lines from ../shared/peers/corpus/scale.py) as index documents: one
/// section per JSON section, heading as its heading path, issuer and year as metadata, as the Lucene peer
/// indexes it (title + heading + body per section).
/// </summary>
internal static class PeerCorpus
{
    public static List<DocumentRecord> Load(string path, out long indexedTextBytes)
    {
        var documents = new List<DocumentRecord>();
        long bytes = 0;
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string title = root.GetProperty("title").GetString()!;
            var sections = new List<SectionRecord>();
            foreach (var section in root.GetProperty("sections").EnumerateArray())
            {
                string heading = section.GetProperty("heading").GetString() ?? "";
                string text = section.GetProperty("text").GetString() ?? "";
                sections.Add(new SectionRecord(sections.Count, HeadingLevel.Part, heading.Length > 0 ? [heading] : [], text, [], []));
                bytes += System.Text.Encoding.UTF8.GetByteCount(title) + System.Text.Encoding.UTF8.GetByteCount(heading) + System.Text.Encoding.UTF8.GetByteCount(text);
            }
            string id = root.GetProperty("id").GetString()!;
            documents.Add(new DocumentRecord(id, title, null, [root.GetProperty("issuer").GetString()!], null, null,
                root.GetProperty("year").GetInt32(), null, null, [], id, [], sections));
        }
        indexedTextBytes = bytes;
        return documents;
    }

    /// <summary>The peers' 64 queries: class, query text (the same syntax), and filters mapped to ours.</summary>
    public static List<(string Class, string Label, SearchRequest Request)> Queries(string path)
    {
        var list = new List<(string, string, SearchRequest)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
                continue;
            var parts = line.Split('\t');
            string query = parts[1];
            var filters = SearchFilters.None;
            foreach (var f in parts.Skip(2))
            {
                var (key, value) = (f[..f.IndexOf('=', StringComparison.Ordinal)], f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                if (key == "issuer")
                    filters = filters with { Issuers = [value] };
                else if (key == "year" && QueryParser.TryParseYears(value, out int from, out int to))
                    filters = filters with { YearFrom = from, YearTo = to };
                else if (key == "in" && value == "title")
                    query = string.Join(' ', query.Split(' ').Select(w => w == "|" ? w : "title:" + w));
            }
            string label = parts.Length > 2 ? $"{parts[1]}  [{string.Join(' ', parts.Skip(2))}]" : parts[1];
            list.Add((parts[0], label, new SearchRequest { Query = query, Filters = filters, GroupByDocument = false, Size = 10 }));
        }
        return list;
    }
}
