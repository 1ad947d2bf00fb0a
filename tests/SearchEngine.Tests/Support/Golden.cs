using System.Runtime.CompilerServices;

namespace SearchEngine.Tests.Support;

/// <summary>
/// Golden files: the output of a whole pipeline is compared with a committed NAME.verified.json beside the test.
/// On a mismatch NAME.received.json is written next to it; set ACCEPT_GOLDEN=1 to accept received output.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Golden");
        Directory.CreateDirectory(folder);
        string verified = Path.Combine(folder, name + ".verified.json");
        string received = Path.Combine(folder, name + ".received.json");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        if (Environment.GetEnvironmentVariable("ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        string expected = File.Exists(verified) ? File.ReadAllText(verified) : "";
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail($"{name}: output differs from {verified}. Compare with {received}; if the change is right, rerun with ACCEPT_GOLDEN=1.");
    }
}
