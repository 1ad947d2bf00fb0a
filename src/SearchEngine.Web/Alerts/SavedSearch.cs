namespace SearchEngine.Web.Alerts;

/// <summary>
/// 订阅 — a saved search with a webhook: when an upload or an index run adds documents the search
/// (<see cref="Search"/>, the page's query string: <c>q=氢能&amp;region=湖南省&amp;year=2021..</c>) matches, the server
/// POSTs them to <see cref="Url"/>, signed with <see cref="Secret"/> (<see cref="WebhookSignature"/>).
/// </summary>
/// <param name="Id">Stable id the API names it by.</param>
/// <param name="Name">The staff's label for it.</param>
/// <param name="Search">The search as the page's query string: q and the filters the search API takes.</param>
/// <param name="Url">Where deliveries go (http or https).</param>
/// <param name="Secret">The HMAC key the receiver verifies deliveries with; never listed by the API after creation.</param>
/// <param name="Created">When it was saved.</param>
internal sealed record SavedSearch(string Id, string Name, string Search, string Url, string Secret, DateTimeOffset Created);
