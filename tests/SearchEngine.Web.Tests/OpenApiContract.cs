using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The server's OpenAPI document as a strict client reads it: a response is acceptable when its status is declared
/// for the operation, its media type is one the status declares, and its JSON body validates against the declared
/// schema (OpenAPI 3.1 schemas are JSON Schema 2020-12; <c>#/components/schemas/X</c> is resolved as <c>#/$defs/X</c>).
/// Strict as such a client is: every object schema with properties is closed (<c>additionalProperties: false</c>
/// unless it says otherwise), so a field the schema does not list fails, as does a required field that is absent.
/// A body in another media type (an Atom feed, a CSV or .xlsx download) is checked for what that type promises.
/// </summary>
internal sealed class OpenApiContract
{
    private const string ComponentsPrefix = "#/components/schemas/";

    private readonly JsonObject _document;
    private readonly JsonObject _definitions;

    public OpenApiContract(string json)
    {
        _document = JsonNode.Parse(json)!.AsObject();
        _definitions = Strict(_document["components"]?["schemas"] ?? new JsonObject()).AsObject();
    }

    public JsonObject Document => _document;

    /// <summary>The operation object for a method and a path template, or null.</summary>
    public JsonObject? Operation(string method, string path) => _document["paths"]?[path]?[method.ToLowerInvariant()]?.AsObject();

    /// <summary>What a strict client would reject in this response (a text body); empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body) =>
        Check(method, path, status, mediaType, System.Text.Encoding.UTF8.GetBytes(body));

    /// <summary>What a strict client would reject in this response; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, byte[] body)
    {
        string where = $"{method} {path} → {status}";
        if (Operation(method, path) is not { } operation)
            return [$"{where}: the document has no operation {method} {path}"];
        if (operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?.AsObject() is not { } response)
            return [$"{where}: status {status} is not declared (declared: {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))})"];
        var content = response["content"]?.AsObject();
        if (body.Length == 0)
            return content is { Count: > 0 } ? [$"{where}: declared with a body ({string.Join(", ", content.Select(c => c.Key))}) but the response has none"] : [];
        if (content is null || mediaType is null || content[mediaType] is not { } declared)
            return [$"{where}: media type '{mediaType}' is not declared (declared: {(content is null ? "no body" : string.Join(", ", content.Select(c => c.Key)))})"];
        if (declared["schema"] is not { } schema)
            return [$"{where}: no schema declared for {mediaType}"];
        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
            return CheckOther(schema, mediaType, body, where);
        return Validate(schema, System.Text.Encoding.UTF8.GetString(body), where);
    }

    /// <summary>
    /// A body that is not JSON: its schema must say it is a string (text or binary), and the body must be what its
    /// media type promises — XML (an Atom feed) well-formed, text (CSV) valid UTF-8, a zip-based office file (.xlsx) a
    /// zip archive.
    /// </summary>
    private List<string> CheckOther(JsonNode schema, string mediaType, byte[] body, string where)
    {
        var problems = new List<string>();
        var resolved = schema["$ref"] is JsonValue r && r.GetValue<string>() is { } target && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal)
            ? _definitions[target[ComponentsPrefix.Length..]] : schema;
        if ((string?)resolved?["type"] != "string")
            problems.Add($"{where}: a {mediaType} body is declared with a schema that is not a string: {schema.ToJsonString()}");
        if (mediaType.EndsWith("/xml", StringComparison.Ordinal) || mediaType.EndsWith("+xml", StringComparison.Ordinal))
        {
            try
            {
                using var reader = System.Xml.XmlReader.Create(new MemoryStream(body), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
                while (reader.Read())
                {
                }
            }
            catch (System.Xml.XmlException e)
            {
                problems.Add($"{where}: the {mediaType} body is not well-formed XML: {e.Message}");
            }
        }
        else if (mediaType.StartsWith("text/", StringComparison.Ordinal))
        {
            try
            {
                _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
            }
            catch (System.Text.DecoderFallbackException)
            {
                problems.Add($"{where}: the {mediaType} body is not valid UTF-8");
            }
        }
        else if (mediaType.StartsWith("application/vnd.openxmlformats-officedocument.", StringComparison.Ordinal) && !body.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            problems.Add($"{where}: the {mediaType} body is not a zip archive");
        }
        return problems;
    }

    /// <summary>Validates a body against one component schema by name.</summary>
    public IReadOnlyList<string> ValidateComponent(string name, string body) =>
        Validate(new JsonObject { ["$ref"] = ComponentsPrefix + name }, body, name);

    private List<string> Validate(JsonNode schema, string body, string where)
    {
        var root = Strict(schema).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = _definitions.DeepClone();
        // A registry of its own per schema: the same definitions are built again for every check.
        var built = JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://contract.test/{Guid.NewGuid():N}"));
        using var instance = JsonDocument.Parse(body);
        var result = built.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{where}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Key}: {e.Value}")).ToList();
        return errors.Count > 0 ? errors : [$"{where}: the body does not match the schema"];
    }

    /// <summary>A copy with references pointed at <c>$defs</c> and every object schema with properties closed.</summary>
    private static JsonNode Strict(JsonNode node)
    {
        var copy = node.DeepClone();
        Walk(copy);
        return copy;

        static void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue r && r.GetValue<string>() is { } target && target.StartsWith(ComponentsPrefix, StringComparison.Ordinal))
                        o["$ref"] = "#/$defs/" + target[ComponentsPrefix.Length..];
                    if (o["properties"] is JsonObject && !o.ContainsKey("additionalProperties") && !o.ContainsKey("unevaluatedProperties") && !o.ContainsKey("patternProperties"))
                        o["additionalProperties"] = false;
                    foreach (var (_, child) in o.ToList())
                        Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a)
                        Walk(child);
                    break;
            }
        }
    }
}
