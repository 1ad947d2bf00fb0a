using System.Diagnostics;
using System.Reflection;

namespace SearchEngine.Benchmarks.SideBySide;

/// <summary>
/// Runs this benchmark program again as a child process, pinned to the first <c>cores</c> CPUs (taskset) with
/// <c>DOTNET_PROCESSOR_COUNT</c> set to match. Each engine's indexing and querying run in their own process so
/// that the peak working set belongs to that engine alone, and so that "1 thread" limits everything the engine
/// does, including parallelism it starts by itself.
/// </summary>
internal static class ChildProcess
{
    public static void Run(IReadOnlyList<string> args, int cores)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark's own executable path is unknown.");
        var info = new ProcessStartInfo { UseShellExecute = false };
        bool underDotnetHost = Path.GetFileNameWithoutExtension(self) == "dotnet";
        if (OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset"))
        {
            info.FileName = "/usr/bin/taskset";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(cores == 1 ? "0" : $"0-{cores - 1}");
            info.ArgumentList.Add(self);
        }
        else
        {
            info.FileName = self;
        }
        if (underDotnetHost)
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (string a in args)
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {self}.");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Child '{string.Join(' ', args)}' exited with {process.ExitCode}; its output above says why.");
    }

    /// <summary>This process's peak working set in MB (VmHWM on Linux), for a child to report before it exits.</summary>
    public static double PeakWorkingSetMb()
    {
        using var me = Process.GetCurrentProcess();
        me.Refresh();
        return me.PeakWorkingSet64 / 1e6;
    }
}
