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

    /// <summary>What a strict client would reject in this response; empty when it conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body)
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
        if (!(mediaType.EndsWith("json", StringComparison.Ordinal)))
            return [];
        return declared["schema"] is { } schema ? Validate(schema, body, where) : [$"{where}: no schema declared for {mediaType}"];
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
