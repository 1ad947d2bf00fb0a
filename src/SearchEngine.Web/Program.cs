using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using SearchEngine.Search;
using SearchEngine.Web;
using SearchEngine.Web.Endpoints;
using SearchEngine.Web.OpenApi;

// `dotnet run --project` starts in the project folder; `dotnet SearchEngine.Web.dll` may start anywhere, so the
// content root (appsettings.json, wwwroot) falls back to the application's own folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")) ? null : AppContext.BaseDirectory,
});
var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
builder.Services.Configure<WebOptions>(builder.Configuration.GetSection(WebOptions.Section));
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // JSON, not HTML: snippets are escaped already
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
});
// A client whose Accept-Language prefers Chinese (the page, a Chinese browser) gets the problem's title and detail
// in Chinese; others get the English sentence.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = SearchEngine.Web.Localization.ProblemLanguage.Apply);
builder.Services.AddExceptionHandler<BadRequestProblems>();
builder.Services.AddOpenApiContract();
builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 << 10);
    k.Limits.MaxRequestHeadersTotalSize = 32 << 10;
    k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(Math.Max(1, options.RequestHeadersTimeoutSeconds)); // slow clients
    // A body that trickles in holds a connection and an upload slot: below this rate, after a grace period, Kestrel
    // stops reading it and the upload answers 408.
    k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(
        Math.Max(1, options.MinUploadBytesPerSecond), TimeSpan.FromSeconds(Math.Max(2, options.UploadGraceSeconds)));
});
builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins(options.CorsOrigins).AllowAnyHeader().WithMethods("GET", "POST", "DELETE")));
builder.Services.AddRequestLimits(options);
builder.Services.AddSecurityHeaders(options);
builder.Services.AddSingleton<SearchService>();
builder.Services.AddSingleton<UploadStore>();
// 订阅: saved searches (a JSON file) and the outbox of their webhook deliveries beside it.
builder.Services.AddSingleton(sp => new SearchEngine.Web.Alerts.SavedSearchStore(sp.GetRequiredService<SearchService>().Resolve(options.SavedSearches)));
builder.Services.AddSingleton(sp => new SearchEngine.Web.Alerts.WebhookOutbox(sp.GetRequiredService<SearchService>().Resolve(options.SavedSearches) + ".outbox"));
builder.Services.AddSingleton<SearchEngine.Web.Alerts.WebhookSender>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchEngine.Web.Alerts.WebhookSender>());
builder.Services.AddSingleton<SearchEngine.Web.Alerts.NewDocumentAlerts>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchEngine.Web.Alerts.NewDocumentAlerts>());
// A parameter that does not bind (size=abc) is the client's mistake: thrown in every environment, so that
// BadRequestProblems answers a 400 problem naming the parameter.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseTrustedProxies(options);
app.UseRateLimiter();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
// Every endpoint is counted by the rate limiter (RequestLimits): each may answer 429.
var limited = app.MapGroup("").ProducesProblem(StatusCodes.Status429TooManyRequests);
limited.MapHealthEndpoints();
limited.MapDocumentEndpoints();
limited.MapOriginalFileEndpoints();
limited.MapSearchEndpoints();
limited.MapTargetEndpoints();
limited.MapSavedSearchEndpoints();
limited.MapFeedEndpoints();
limited.MapExportEndpoints();

// Open the index before serving; on first start it is empty and built from the sources in the background while the
// server answers (/health shows the progress). A folder another process writes is a setup mistake, not a bug: the operator gets one sentence and a non-zero exit, not a stack trace.
try
{
    var service = app.Services.GetRequiredService<SearchService>();
    // Listening before the index opens: a build's first commits announce their documents to saved searches too.
    app.Services.GetRequiredService<SearchEngine.Web.Alerts.NewDocumentAlerts>();
    service.Open();
    app.Lifetime.ApplicationStopping.Register(service.StopBuild);
    // The container that owns the service may be disposed later than the host stops: close the index now.
    app.Lifetime.ApplicationStopped.Register(service.Close);
}
catch (IndexLockedException e)
{
    await Console.Error.WriteLineAsync(e.Advice("SearchEngine:Index"));
    return 1;
}
app.Services.GetRequiredService<UploadStore>().RemoveLeftovers();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
