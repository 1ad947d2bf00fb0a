namespace SearchEngine.Web.OpenApi;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) as the server really behaves: the framework describes the endpoints
/// from their types and metadata (error problems via <c>ProducesProblem</c>, parameters via attributes), and these
/// transformers add what it cannot know.
/// </summary>
internal static class OpenApiContract
{
    public static IServiceCollection AddOpenApiContract(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(ApiKeySecurity.AddScheme);
            o.AddOperationTransformer(ApiKeySecurity.RequireOnGuardedOperations);
            o.AddOperationTransformer(ParameterContract.Apply);
            o.AddSchemaTransformer(OptionalNullableProperties.Apply);
            o.AddSchemaTransformer(ProblemDetailsExtensions.Apply);
        });
}
