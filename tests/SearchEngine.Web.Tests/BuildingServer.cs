using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The web app over <c>FOLDER/sources</c> with its index in <c>FOLDER/index</c>, committing its first build every 10
/// documents, optionally with a <see cref="BuildPacing"/> hook. Unlike <see cref="ServerFixture"/> it hands out
/// clients while the build runs.
/// </summary>
internal sealed class BuildingServer(string folder, string engine, BuildPacing? pacing) : WebApplicationFactory<Program>
{
    /// <summary>A hook that stops the build after <paramref name="files"/> files are read, tells <paramref name="held"/>, and goes on at <paramref name="release"/>.</summary>
    public static BuildPacing HoldAt(int files, ManualResetEventSlim held, ManualResetEventSlim release) => new((read, cancel) =>
    {
        if (read != files)
            return;
        held.Set();
        release.Wait(cancel);
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("SearchEngine:Engine", engine);
        builder.UseSetting("SearchEngine:Index", Path.Combine(folder, "index"));
        builder.UseSetting("SearchEngine:Uploads", Path.Combine(folder, "uploads"));
        builder.UseSetting("SearchEngine:Sources:0", Path.Combine(folder, "sources"));
        builder.UseSetting("SearchEngine:ApiKey", ServerFixture.ApiKey);
        builder.UseSetting("SearchEngine:RequestsPerMinute", "100000");
        builder.UseSetting("SearchEngine:BuildCommitEvery", "10");
        if (pacing is not null)
            builder.ConfigureServices(s => s.AddSingleton(pacing));
    }

    /// <summary>Serves on a real loopback port (Kestrel) instead of in memory; returns the base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(0);
        StartServer();
        var server = (Microsoft.AspNetCore.Hosting.Server.IServer)Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer))!;
        string address = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}

/// <summary>
/// Policy-like .txt files for a build: a title, a 发文字号 and two 一、 sections of seeded random characters, so no
/// two are near duplicates (they would be folded into one), each holding a common term once.
/// </summary>
internal static class GeneratedPolicies
{
    public static void Write(string folder, int count, string common)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(14);
        string Noise(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4e00, 0x4e00 + 3000))]);
        for (int i = 1; i <= count; i++)
        {
            string text = FormattableString.Invariant($"""
                关于第{i}批{common}项目的通知
                湘政发〔2022〕{i}号
                一、总体要求
                {Noise(200)}。推进{common}建设。
                二、保障措施
                {Noise(200)}。

                """);
            File.WriteAllText(Path.Combine(folder, FormattableString.Invariant($"gen-{i:000}.txt")), text);
        }
    }
}
