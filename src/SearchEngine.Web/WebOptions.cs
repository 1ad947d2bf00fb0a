namespace SearchEngine.Web;

/// <summary>The server's settings (appsettings.json, or environment variables such as SearchEngine__ApiKey).</summary>
public sealed class WebOptions
{
    public const string Section = "SearchEngine";

    /// <summary>
    /// Index folder, relative to the repository root; by default <c>index</c> for the native engine and
    /// <c>index-lucene</c> for Lucene.Net, so switching engines never finds the other's index.
    /// </summary>
    public string? Index { get; set; }

    /// <summary>The engine: <c>native</c> (ours, the default) or <c>lucene</c> (Lucene.Net).</summary>
    public string Engine { get; set; } = "native";

    /// <summary>The analyzer of the Lucene.Net engine: <c>policy</c> (ours, the default) or <c>smartcn</c> (SmartChineseAnalyzer).</summary>
    public string Analyzer { get; set; } = "policy";

    /// <summary>The index folder in use: <see cref="Index"/>, or the engine's default.</summary>
    internal string IndexFolder => Index ?? SearchEngine.Search.IndexFolder.DefaultFor(Engine);

    /// <summary>
    /// Folders indexed when the index folder holds no index yet; none configured means <c>seeds</c>. Empty by
    /// default because the configuration binder appends configured items to an array's initial ones: a default
    /// here could never be replaced, only added to (seeds/ was read twice).
    /// </summary>
    public string[] Sources { get; set; } = [];

    /// <summary>The folders to index: <see cref="Sources"/>, or <c>seeds</c> when none are configured.</summary>
    internal string[] SourceFolders => Sources.Length > 0 ? Sources : ["seeds"];

    /// <summary>
    /// The build from <see cref="Sources"/> runs in the background and commits after this many documents (or a few
    /// seconds of work, whichever comes first), so what it has read becomes searchable as it goes and a stop keeps it.
    /// </summary>
    public int BuildCommitEvery { get; set; } = 1000;

    /// <summary>Where uploaded files are kept (they are the source of what was indexed from them).</summary>
    public string Uploads { get; set; } = "uploads";

    /// <summary>The saved searches with webhooks (订阅), a JSON file relative to the repository root; their outbox lies beside it.</summary>
    public string SavedSearches { get; set; } = "saved-searches.json";

    /// <summary>
    /// The address staff reach the page at (http://search.intranet), for links in webhook deliveries, which no request
    /// is there to give; empty: the links are relative (/?doc=…).
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>
    /// Host names a webhook may point at (intranet systems); empty: any. The key's holder chooses the receiver and the
    /// server posts from inside the network, so an operator who wants no other destination lists the allowed ones.
    /// </summary>
    public string[] WebhookHosts { get; set; } = [];

    /// <summary>Most saved searches the server keeps.</summary>
    public int MaxSavedSearches { get; set; } = 1000;

    /// <summary>Seconds before a failed delivery's first retry; each later retry waits four times longer (30 s, 2 min, 8 min …).</summary>
    public double WebhookRetrySeconds { get; set; } = 30;

    /// <summary>Attempts at a delivery before it is given up (kept in the outbox's failed folder).</summary>
    public int WebhookMaxAttempts { get; set; } = 8;

    /// <summary>Seconds a receiver has to answer a delivery.</summary>
    public double WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Key for write endpoints (header X-Api-Key). Empty disables writing.</summary>
    public string ApiKey { get; set; } = "";

    public int MaxQueryLength { get; set; } = 500;

    public int MaxPageSize { get; set; } = 100;

    public long MaxUploadBytes { get; set; } = 20L << 20;

    /// <summary>Most characters of text an upload may yield (a 20 MB file can hold far more); 0 for no limit.</summary>
    public int UploadMaxCharacters { get; set; } = 4_000_000;

    /// <summary>Most sections an upload's outline may split into; 0 for no limit.</summary>
    public int UploadMaxSections { get; set; } = 20_000;

    /// <summary>Seconds reading and building one upload may take before it is stopped and refused; 0 for no limit.</summary>
    public double UploadMaxSeconds { get; set; } = 30;

    /// <summary>The budget each upload is read and built within; the build from <see cref="Sources"/> has none.</summary>
    internal Core.Pipeline.IngestBudget UploadBudget => new(
        UploadMaxCharacters > 0 ? UploadMaxCharacters : null,
        UploadMaxSections > 0 ? UploadMaxSections : null,
        UploadMaxSeconds > 0 ? TimeSpan.FromSeconds(UploadMaxSeconds) : null);

    /// <summary>Origins allowed to call the API from the browser (intranet pages that embed it).</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Seconds a client may take to send a request's headers before the connection is closed.</summary>
    public int RequestHeadersTimeoutSeconds { get; set; } = 15;

    /// <summary>Slowest a request body may arrive, in bytes a second, once <see cref="UploadGraceSeconds"/> have passed (Kestrel's default rate).</summary>
    public int MinUploadBytesPerSecond { get; set; } = 240;

    /// <summary>Seconds a request body may arrive slower than <see cref="MinUploadBytesPerSecond"/> at its start (at least 2, as Kestrel requires).</summary>
    public int UploadGraceSeconds { get; set; } = 5;

    /// <summary>
    /// Addresses of the intranet's reverse proxies. A request from one of them is counted against the address in its
    /// X-Forwarded-For header, not the proxy's (else everyone behind the proxy shares one budget); from anywhere
    /// else that header is ignored, so a client cannot choose its own address. Empty: no proxy is trusted.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Requests per minute per client address.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>
    /// Requests per minute per client address to the costly endpoints (facets, trend, the document view with q),
    /// on top of <see cref="RequestsPerMinute"/>: their cost grows with the index or the document.
    /// </summary>
    public int CostlyRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Most rows one export (<c>/api/export</c>) writes; a <c>limit</c> may ask for fewer. An export pages through
    /// the search, so its cost grows with this: 5,000 rows are 50 searches of 100 hits.
    /// </summary>
    public int MaxExportRows { get; set; } = 5_000;

    /// <summary>
    /// Exports per minute per client address, a budget of their own on top of <see cref="RequestsPerMinute"/>: one
    /// export costs as much as dozens of searches, far more than a request the costly budget counts.
    /// </summary>
    public int ExportsPerMinute { get; set; } = 10;
}
