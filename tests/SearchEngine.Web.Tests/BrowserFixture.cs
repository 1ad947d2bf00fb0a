using Microsoft.Playwright;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The web app on a real loopback port (Kestrel) and Debian's Chromium driven by Playwright; no browser is
/// downloaded. Screenshots of the main views go to TestResults/screenshots as test artefacts.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(new ServerFixture())
    {
    }

    /// <summary>A browser over the given server (an engine of its own, see <see cref="LuceneBrowserFixture"/>).</summary>
    protected BrowserFixture(ServerFixture server) => Server = server;

    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public ServerFixture Server { get; }

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(ServerFixture.RepositoryRoot, "tests", "SearchEngine.Web.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        BaseUrl = Server.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The page in the browser over the Lucene.Net engine.</summary>
public sealed class LuceneBrowserFixture() : BrowserFixture(new LuceneServerFixture());
