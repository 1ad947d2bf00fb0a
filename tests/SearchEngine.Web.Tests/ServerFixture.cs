using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The web app in memory over its own temporary index, built from the repository's seeds at start, with an
/// API key for the write endpoints. Shared by the tests of a class. The server builds a new index in the
/// background; the fixture hands out no client before that build has ended, so its tests see the whole index.
/// </summary>
public class ServerFixture : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-0123456789";

    private readonly string _folder = Directory.CreateTempSubdirectory("se-web-").FullName;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The engine the server runs (<c>SearchEngine:Engine</c>); the API contract is the same for every engine.</summary>
    public virtual string Engine => "native";

    /// <summary>Where this server keeps uploaded files.</summary>
    public string UploadsFolder => Path.Combine(_folder, "uploads");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchEngine:Engine", Engine);
        builder.UseSetting("SearchEngine:Index", Path.Combine(_folder, "index"));
        builder.UseSetting("SearchEngine:Uploads", UploadsFolder);
        builder.UseSetting("SearchEngine:SavedSearches", Path.Combine(_folder, "saved-searches.json"));
        builder.UseSetting("SearchEngine:Sources:0", Path.Combine(RepositoryRoot, "seeds"));
        builder.UseSetting("SearchEngine:ApiKey", ApiKey);
        builder.UseSetting("SearchEngine:RequestsPerMinute", "100000");
        builder.UseSetting("SearchEngine:CostlyRequestsPerMinute", "100000");
        builder.UseSetting("SearchEngine:ExportsPerMinute", "100000");
        builder.UseSetting("SearchEngine:MaxUploadBytes", "2000000");
        builder.UseSetting("SearchEngine:CorsOrigins:0", "https://intranet.example");
    }

    /// <summary>
    /// The host, started, once its first build has ended. Awaited on the service rather than polled on /health:
    /// the rate-limit tests count every request to /health.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        IndexBuildWait.ForBuild(host.Services);
        return host;
    }

    /// <summary>Serves on a real loopback port (Kestrel) instead of in memory; returns the base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses
            : throw new InvalidOperationException("No server.");
        return addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SearchEngine.sln")))
                return d.FullName;
        }
        throw new InvalidOperationException("SearchEngine.sln not found.");
    }
}
