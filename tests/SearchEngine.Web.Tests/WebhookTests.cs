using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using SearchEngine.Web.Alerts;

namespace SearchEngine.Web.Tests;

/// <summary>A server whose failed deliveries are retried within a test's patience: 0.2 s, then 0.8 s, 3.2 s; four attempts.</summary>
public sealed class AlertServerFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SearchEngine:WebhookRetrySeconds", "0.2");
        builder.UseSetting("SearchEngine:WebhookMaxAttempts", "4");
        builder.UseSetting("SearchEngine:WebhookTimeoutSeconds", "3");
        builder.UseSetting("SearchEngine:PublicUrl", "http://search.example");
    }
}

/// <summary>Saved searches (订阅) and their webhooks, with a receiver on loopback that fails and recovers.</summary>
public sealed class WebhookTests(AlertServerFixture server) : IClassFixture<AlertServerFixture>
{
    private readonly HttpClient _client = server.CreateClient();

    private async Task<JsonElement> Save(string name, string search, string url, string? secret = null, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/saved-searches") { Content = JsonContent.Create(new { name, search, url, secret }) };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<string> Upload(string name, string text)
    {
        var request = UploadRequest.Create(name, text);
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await _client.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> Saved(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/saved-searches/{id}");
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await _client.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string Plan(string topic, string region) =>
        $"{region}{topic}发展行动计划\n一、主要目标\n力争到2030年，{topic}产业规模突破100亿元。\n{region}人民政府办公厅\n2026年11月2日";

    [Fact]
    public async Task An_upload_a_saved_search_matches_is_posted_signed_and_one_it_does_not_match_is_not()
    {
        await using var receiver = await WebhookReceiver.Start();
        var matching = await Save("量子订阅", "q=" + Uri.EscapeDataString("量子通信"), receiver.Url);
        await Save("量子，限北京", "q=" + Uri.EscapeDataString("量子通信") + "&region=" + Uri.EscapeDataString("北京市"), receiver.Url);
        string secret = matching.GetProperty("secret").GetString()!;
        Assert.True(secret.Length >= 32, "a generated secret is long");

        await Upload("unrelated.txt", Plan("生物育种", "湖南省"));
        string id = await Upload("quantum.txt", Plan("量子通信", "湖南省"));

        var got = await receiver.WaitFor(1);
        await Task.Delay(1500); // time for a wrong delivery (the unrelated upload, or the Beijing-only search) to arrive
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(NewDocumentAlerts.EventName, request.Event);
        Assert.True(WebhookSignature.Verify(secret, long.Parse(request.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Signature!),
            "the signature does not verify with the saved search's secret");
        Assert.False(WebhookSignature.Verify(secret, long.Parse(request.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), request.Body.Replace("量子", "量孑", StringComparison.Ordinal), request.Signature!),
            "an altered body verifies");
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(matching.GetProperty("id").GetString(), body.GetProperty("savedSearch").GetProperty("id").GetString());
        Assert.Equal(request.Delivery, body.GetProperty("delivery").GetString());
        var document = Assert.Single(body.GetProperty("documents").EnumerateArray());
        Assert.Equal(id, document.GetProperty("id").GetString());
        Assert.Contains("<mark>", document.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http://search.example/?doc=", document.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await Saved(matching.GetProperty("id").GetString()!)).GetProperty("pending").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_fails_then_recovers_gets_the_same_delivery_again_later_each_time()
    {
        await using var receiver = await WebhookReceiver.Start(failFirst: 2);
        var saved = await Save("储能订阅", "q=" + Uri.EscapeDataString("液流储能"), receiver.Url, secret: "a-shared-secret-of-some-length");
        await Upload("storage.txt", Plan("液流储能", "湖南省"));
        var got = await receiver.WaitFor(3);
        Assert.Equal([500, 500, 200], got.Select(r => r.Answered));
        Assert.Single(got.Select(r => r.Delivery).Distinct()); // one delivery, attempted three times
        Assert.All(got, r => Assert.True(WebhookSignature.Verify("a-shared-secret-of-some-length", long.Parse(r.Timestamp!, System.Globalization.CultureInfo.InvariantCulture), r.Body, r.Signature!)));
        var first = got[1].At - got[0].At;
        var second = got[2].At - got[1].At;
        Assert.True(first >= TimeSpan.FromSeconds(0.15), $"retried after {first}");
        Assert.True(second > first, $"the second wait ({second}) is not longer than the first ({first})");
        var view = await Saved(saved.GetProperty("id").GetString()!);
        Assert.Equal(0, view.GetProperty("pending").GetInt32());
        Assert.Equal(["delivered", "retrying", "retrying"], view.GetProperty("recent").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.False(view.TryGetProperty("secret", out _), "the secret is listed");
    }

    [Fact]
    public async Task A_receiver_that_never_recovers_is_given_up_after_the_last_attempt()
    {
        await using var receiver = await WebhookReceiver.Start(failFirst: 1000);
        var saved = await Save("芯片订阅", "q=" + Uri.EscapeDataString("光子芯片"), receiver.Url);
        await Upload("chips.txt", Plan("光子芯片", "湖南省"));
        await receiver.WaitFor(4, seconds: 30);
        await Task.Delay(1000);
        Assert.Equal(4, receiver.Requests.Count);
        var view = await Saved(saved.GetProperty("id").GetString()!);
        Assert.Equal(0, view.GetProperty("pending").GetInt32());
        Assert.Equal(1, view.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Saving_needs_the_key_a_valid_search_and_an_http_url_and_deleting_stops_it()
    {
        using (var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/saved-searches") { Content = JsonContent.Create(new { name = "x", search = "q=氢能", url = "http://127.0.0.1/x" }) })
            Assert.Equal(HttpStatusCode.Unauthorized, (await _client.SendAsync(anonymous)).StatusCode);
        var bad = await Save("x", "q=氢能", "ftp://example/x", expected: HttpStatusCode.BadRequest);
        Assert.Contains("http", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        bad = await Save("x", "q=氢能&colour=red", "http://127.0.0.1/x", expected: HttpStatusCode.BadRequest);
        Assert.Contains("colour", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        bad = await Save("x", "q=氢能&year=20x", "http://127.0.0.1/x", expected: HttpStatusCode.BadRequest);
        Assert.Contains("year", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Save("x", "q=氢能", "http://127.0.0.1/x", secret: "short", expected: HttpStatusCode.BadRequest);

        var saved = await Save("to delete", "q=氢能", "http://127.0.0.1:9/x");
        string id = saved.GetProperty("id").GetString()!;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/saved-searches/{id}");
        delete.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(delete)).StatusCode);
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/saved-searches/{id}");
        again.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(again)).StatusCode);
    }
}

/// <summary>A server that lets webhooks go to listed hosts only.</summary>
public sealed class ListedHostsServerFixture : ServerFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SearchEngine:WebhookHosts:0", "hooks.intranet.example");
    }
}

/// <summary>SearchEngine:WebhookHosts: a receiver elsewhere is refused with a sentence naming the host.</summary>
public sealed class WebhookHostTests(ListedHostsServerFixture server) : IClassFixture<ListedHostsServerFixture>
{
    [Theory]
    [InlineData("http://hooks.intranet.example/policy", HttpStatusCode.Created)]
    [InlineData("http://169.254.169.254/latest", HttpStatusCode.BadRequest)]
    public async Task Only_a_listed_host_may_receive_deliveries(string url, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/saved-searches") { Content = JsonContent.Create(new { name = "x", search = "q=氢能", url }) };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
            Assert.Contains("169.254.169.254", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
