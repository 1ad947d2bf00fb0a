using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SearchEngine.Benchmarks;

/// <summary>
/// A bounded load test of a running server on this machine (loopback addresses only): concurrent clients send a
/// mix of realistic requests (the peers' queries with and without filters, suggestions, facets, document views)
/// while one writer uploads and deletes documents, for a fixed time; then it reports throughput, latency
/// percentiles, errors and the server's memory before and after. Run with
/// dotnet run -c Release --project benchmarks/SearchEngine.Benchmarks -- load-test http://127.0.0.1:5000 60 8 [API_KEY]
/// </summary>
internal static class LoadTest
{
    public static async Task<int> Run(string baseUrl, int seconds, int clients, string? apiKey, string queriesPath)
    {
        var url = new Uri(baseUrl);
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine($"{url.Host} is not a loopback address; the load test only targets this machine.");
            return 2;
        }
        seconds = Math.Clamp(seconds, 1, 3600);
        clients = Math.Clamp(clients, 1, 64);
        var queries = File.ReadLines(queriesPath).Where(l => !l.StartsWith('#') && l.Trim().Length > 0).Select(l => l.Split('\t')[1]).ToList();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        double memoryBefore = await Memory(http);
        var latencies = new List<double>[clients + 1];
        var errors = new List<string>();
        long requests = 0, writes = 0;
        var stop = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();

        var readers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var random = new Random(c);
            var mine = latencies[c] = [];
            while (DateTime.UtcNow < stop)
            {
                string q = Uri.EscapeDataString(queries[random.Next(queries.Count)]);
                string path = random.Next(10) switch
                {
                    0 => $"/api/suggest?q={Uri.EscapeDataString(queries[random.Next(queries.Count)][..1])}",
                    1 => "/api/facets",
                    2 => $"/api/search?q={q}&year=2021..2025&group=section",
                    3 => $"/api/trend?q={q}",
                    4 => "/api/documents/000_146095241881ebac?q=" + q,
                    _ => $"/api/search?q={q}&page={1 + random.Next(3)}",
                };
                long start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                        lock (errors) errors.Add($"{(int)response.StatusCode} {path}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lock (errors) errors.Add($"{e.GetType().Name} {path}");
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref requests);
            }
        })).ToList();

        var writer = Task.Run(async () =>
        {
            var mine = latencies[clients] = [];
            if (string.IsNullOrEmpty(apiKey))
                return;
            for (int n = 0; DateTime.UtcNow < stop; n++)
            {
                long start = Stopwatch.GetTimestamp();
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"关于负载测试第{n}号的通知\n一、总则\n推进氢能和北斗产业发展，负载测试{n}。"));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                form.Add(file, "file", $"load-{n}.txt");
                using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = form };
                upload.Headers.Add("X-Api-Key", apiKey);
                try
                {
                    using var response = await http.SendAsync(upload);
                    string body = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        lock (errors) errors.Add($"{(int)response.StatusCode} upload");
                    }
                    else if (n % 2 == 0)
                    {
                        string id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
                        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/documents/{Uri.EscapeDataString(id)}");
                        delete.Headers.Add("X-Api-Key", apiKey);
                        using var deleted = await http.SendAsync(delete);
                        if (!deleted.IsSuccessStatusCode)
                            lock (errors) errors.Add($"{(int)deleted.StatusCode} delete");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lock (errors) errors.Add($"{e.GetType().Name} upload");
                }
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref writes);
                await Task.Delay(200);
            }
        });

        await Task.WhenAll([.. readers, writer]);
        double elapsed = clock.Elapsed.TotalSeconds;
        double memoryAfter = await Memory(http);
        var reads = latencies.Take(clients).SelectMany(l => l).Order().ToList();
        var writeTimes = (latencies[clients] ?? []).Order().ToList();
        double P(List<double> xs, double q) => xs.Count == 0 ? 0 : xs[Math.Min(xs.Count - 1, (int)(xs.Count * q))];
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"load test: {clients} clients + 1 writer, {elapsed:F0} s against {url}");
        report.AppendLine(CultureInfo.InvariantCulture, $"reads:  {reads.Count:N0} requests, {reads.Count / elapsed:F0}/s, p50 {P(reads, 0.5):F2} ms, p99 {P(reads, 0.99):F2} ms, max {P(reads, 1):F2} ms");
        report.AppendLine(CultureInfo.InvariantCulture, $"writes: {writeTimes.Count:N0} uploads (half deleted again), p50 {P(writeTimes, 0.5):F1} ms, p99 {P(writeTimes, 0.99):F1} ms");
        report.AppendLine(CultureInfo.InvariantCulture, $"errors: {errors.Count}{(errors.Count > 0 ? " — " + string.Join("; ", errors.Take(5)) : "")}");
        report.AppendLine(CultureInfo.InvariantCulture, $"server memory: {memoryBefore:F0} MB before, {memoryAfter:F0} MB after");
        Console.Write(report);
        return errors.Count == 0 ? 0 : 1;
    }

    private static async Task<double> Memory(HttpClient http) =>
        JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement.GetProperty("memoryMb").GetDouble();
}
