using System.Diagnostics;

namespace SearchEngine.Web.Tests;

/// <summary>
/// The built server started as it is deployed: `dotnet SearchEngine.Web.dll` in the Production environment, from a
/// temporary working folder, with its index, uploads and sources set through environment variables.
/// </summary>
internal static class PublishedServer
{
    public static Process Start(string workingFolder, string index, string urls)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingFolder };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "SearchEngine.Web.dll"), "--urls", urls })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["SearchEngine__Index"] = index;
        start.Environment["SearchEngine__Uploads"] = Path.Combine(workingFolder, "uploads");
        start.Environment["SearchEngine__Sources__0"] = Path.Combine(ServerFixture.RepositoryRoot, "seeds");
        return Process.Start(start)!;
    }
}
