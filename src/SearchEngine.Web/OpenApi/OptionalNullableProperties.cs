using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchEngine.Web.OpenApi;

/// <summary>
/// Responses omit null fields (<c>JsonIgnoreCondition.WhenWritingNull</c> in Program), so a property that can be
/// null is one that can be absent: it must not be listed in <c>required</c>, or a strict client rejects a real response.
/// </summary>
internal static class OptionalNullableProperties
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancel)
    {
        if (schema.Properties is null || schema.Required is not { Count: > 0 } required)
            return Task.CompletedTask;
        foreach (var (name, property) in schema.Properties)
        {
            if (CanBeNull(property))
                required.Remove(name);
        }
        // A nullable property whose schema is a reference (JsonElement?, a record) is wrapped in oneOf with null only
        // after this runs: its annotation says so already.
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.IsGetNullable)
                required.Remove(property.Name);
        }
        return Task.CompletedTask;
    }

    /// <summary>A type list with null (<c>["null", "string"]</c>), or a reference offered beside null (<c>oneOf: [{type: null}, {$ref}]</c>).</summary>
    private static bool CanBeNull(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) ?? false)
        || (property.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) ?? false);
}
