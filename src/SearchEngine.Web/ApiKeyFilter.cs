using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SearchEngine.Web;

/// <summary>
/// Write endpoints need the configured key in the X-Api-Key header, compared in constant time over
/// fixed-length digests. The key is never echoed or logged. With no key configured, writing is disabled.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<WebOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        string configured = options.Value.ApiKey;
        if (configured.Length == 0)
            return TypedResults.Problem("Writing is disabled: the server has no API key configured (SearchEngine:ApiKey).", statusCode: StatusCodes.Status403Forbidden, title: "Writing disabled");
        string given = context.HttpContext.Request.Headers[Header].ToString();
        if (given.Length == 0)
            return TypedResults.Problem($"This endpoint needs an API key in the {Header} header.", statusCode: StatusCodes.Status401Unauthorized, title: "API key required");
        // Both sides hashed first: FixedTimeEquals returns at once for inputs of different lengths, which would tell
        // an attacker the key's length; two SHA-256 digests always have 32 bytes.
        if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(configured))))
            return TypedResults.Problem("The API key is not valid.", statusCode: StatusCodes.Status401Unauthorized, title: "Invalid API key");
        return await next(context);
    }
}
