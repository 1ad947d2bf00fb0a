using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchEngine.Web.OpenApi;

/// <summary>
/// The upload reads its form from the request itself (so that size, speed and malformed bodies get their own
/// answers), which leaves the framework nothing to describe: the request body is declared here.
/// </summary>
internal static class UploadForm
{
    public const string Field = "file";

    /// <summary>Declares a required multipart/form-data body with one binary field, <see cref="Field"/>.</summary>
    public static RouteHandlerBuilder AcceptsUploadForm(this RouteHandlerBuilder endpoint, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, cancel) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { Field },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [Field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = description },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
}
