using System.Net;
using System.Text.Json;

namespace SearchEngine.Web.Tests;

/// <summary>A GET whose JSON body the API tests read, asserting its status with the body in the message.</summary>
internal static class HttpJson
{
    public static async Task<JsonElement> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }
}
