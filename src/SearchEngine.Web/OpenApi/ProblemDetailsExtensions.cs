using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchEngine.Web.OpenApi;

/// <summary>
/// Every problem the server writes goes through the problem details service, which adds the request's
/// <c>traceId</c>; the framework's ProblemDetails schema does not list it.
/// </summary>
internal static class ProblemDetailsExtensions
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancel)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemDetails))
            return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, to find it in the server's log." };
        return Task.CompletedTask;
    }
}
