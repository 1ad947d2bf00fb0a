using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchEngine.Web.OpenApi;

/// <summary>
/// The write endpoints' guard, in the code and in the contract at once: <see cref="RequireApiKey"/> adds
/// <see cref="ApiKeyFilter"/>, its 401 and 403 problems, and a marker from which the OpenAPI document gets the
/// <c>X-Api-Key</c> security scheme and the operation its requirement.
/// </summary>
internal static class ApiKeySecurity
{
    public const string SchemeName = "ApiKey";

    /// <summary>Guards the endpoint with the API key and declares so.</summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter<ApiKeyFilter>().WithMetadata(Required.Instance)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Declares the scheme once, in the document's components.</summary>
    public static Task AddScheme(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancel)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyFilter.Header,
            Description = "The server's SearchEngine:ApiKey. Missing or wrong: 401; the server has none configured: 403 (writing disabled).",
        };
        return Task.CompletedTask;
    }

    /// <summary>Requires the scheme on the operations of endpoints marked by <see cref="RequireApiKey"/>.</summary>
    public static Task RequireOnGuardedOperations(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<Required>().Any())
            return Task.CompletedTask;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        return Task.CompletedTask;
    }

    private sealed class Required
    {
        public static readonly Required Instance = new();
    }
}
