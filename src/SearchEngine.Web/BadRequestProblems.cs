using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace SearchEngine.Web;

/// <summary>
/// A parameter that does not bind (<c>size=abc</c>, <c>expand=maybe</c>) is the client's mistake: a 400 problem, in
/// every environment, whose detail names the parameter and the value, as every other 400 of the API says what is wrong.
/// The framework throws it as a <see cref="BadHttpRequestException"/> (RouteHandlerOptions.ThrowOnBadRequest).
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || context.Response.HasStarted)
            return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Title = "Invalid request", Detail = Sentence(bad.Message) },
        });
    }

    /// <summary>The framework's message (<c>Failed to bind parameter "int size" from "abc".</c>) as a sentence for the client.</summary>
    internal static string Sentence(string message)
    {
        var match = FailedBinding().Match(message);
        if (!match.Success)
            return message;
        string name = match.Groups["name"].Value, value = match.Groups["value"].Value;
        if (value.Length > 100)
            value = value[..100] + "…";
        string type = match.Groups["type"].Value.TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal))
            type = type["Nullable<".Length..^1];
        string kind = type switch
        {
            "int" or "long" or "short" => "a whole number",
            "bool" => "true or false",
            "double" or "float" or "decimal" => "a number",
            var other => $"a value of type {other}",
        };
        return $"The parameter '{name}' must be {kind}; it was '{value}'.";
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
