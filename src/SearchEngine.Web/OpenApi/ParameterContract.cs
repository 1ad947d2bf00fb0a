using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SearchEngine.Search.Model;

namespace SearchEngine.Web.OpenApi;

/// <summary>
/// What attributes on the handlers' parameters cannot say (their descriptions and fixed ranges are attributes
/// there): the accepted words of <c>group</c>, <c>sort</c> and the export's <c>format</c>, which stay strings so
/// that an unknown word gets the handler's sentence, and the limits the server's configuration sets (<c>q</c>'s
/// length, <c>size</c>'s maximum, the export's <c>limit</c>).
/// </summary>
internal static class ParameterContract
{
    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        var limits = context.ApplicationServices.GetRequiredService<IOptions<WebOptions>>().Value;
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is not OpenApiSchema schema)
                continue;
            switch (parameter.Name)
            {
                case "group":
                    schema.Enum = [JsonValue.Create("document"), JsonValue.Create("section")];
                    schema.Default = JsonValue.Create("document");
                    break;
                case "sort":
                    schema.Enum = [JsonValue.Create(SearchSorts.Relevance), JsonValue.Create(SearchSorts.DateDesc), JsonValue.Create(SearchSorts.DateAsc)];
                    schema.Default = JsonValue.Create(SearchSorts.Relevance);
                    break;
                case "q" when schema.MaxLength is null:
                    schema.MaxLength = limits.MaxQueryLength;
                    break;
                case "format":
                    schema.Enum = [JsonValue.Create("csv"), JsonValue.Create("xlsx")];
                    schema.Default = JsonValue.Create("csv");
                    break;
                case "limit" when schema.Maximum is null:
                    schema.Minimum = "1";
                    schema.Maximum = limits.MaxExportRows.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "size" when schema.Maximum is null:
                    schema.Minimum = "1";
                    schema.Maximum = limits.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
