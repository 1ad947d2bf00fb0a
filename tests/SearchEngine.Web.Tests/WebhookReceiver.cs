using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SearchEngine.Web.Tests;

/// <summary>
/// A webhook receiver on a loopback port: records every POST (headers, body, time) and answers 500 to the first
/// <see cref="FailFirst"/> of them, then 200, so a test sees the server retry and recover.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    /// <summary>One request the receiver got.</summary>
    public sealed record Received(string Body, string? Signature, string? Timestamp, string? Delivery, string? Event, DateTimeOffset At, int Answered);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>How many requests are answered 500 before the receiver recovers.</summary>
    public int FailFirst { get; set; }

    public string Url { get; private set; } = "";

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            string body = await reader.ReadToEndAsync();
            int n = Interlocked.Increment(ref _count);
            int status = n <= FailFirst ? 500 : 200;
            Requests.Enqueue(new Received(body, request.Headers["X-SearchEngine-Signature"], request.Headers["X-SearchEngine-Timestamp"],
                request.Headers["X-SearchEngine-Delivery"], request.Headers["X-SearchEngine-Event"], DateTimeOffset.UtcNow, status));
            return Results.StatusCode(status);
        });
    }

    public static async Task<WebhookReceiver> Start(int failFirst = 0)
    {
        var receiver = new WebhookReceiver { FailFirst = failFirst };
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Urls.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits until the receiver has <paramref name="count"/> requests (fails after <paramref name="seconds"/>).</summary>
    public async Task<List<Received>> WaitFor(int count, double seconds = 20)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(seconds);
        while (Requests.Count < count)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the receiver got {Requests.Count} of {count} requests in {seconds} s");
            await Task.Delay(50);
        }
        return [.. Requests];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
