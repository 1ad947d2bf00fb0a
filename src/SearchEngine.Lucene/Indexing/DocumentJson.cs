using System.Text.Json;
using System.Text.Json.Serialization;
using SearchEngine.Search.Model;

namespace SearchEngine.Lucene.Indexing;

/// <summary>A <see cref="DocumentRecord"/> as the JSON the index stores it in, and back, unchanged.</summary>
internal static class DocumentJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(DocumentRecord document) => JsonSerializer.Serialize(document, Options);

    public static DocumentRecord Read(string json) =>
        JsonSerializer.Deserialize<DocumentRecord>(json, Options) ?? throw new InvalidDataException("A stored document record is empty.");
}
