namespace SearchEngine.Tests.Support;

/// <summary>
/// The plain-text tables linguistic cases live in: one case a line, blank lines and # comments skipped, each case cut
/// at the table's separators in order (" | ", " => " …), with its line number for the failure message.
/// </summary>
internal static class CaseTable
{
    public static IEnumerable<(int Line, string[] Parts)> Read(string path, params string[] separators)
    {
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var parts = new string[separators.Length + 1];
            int from = 0;
            for (int i = 0; i < separators.Length; i++)
            {
                int at = line.IndexOf(separators[i], from, StringComparison.Ordinal);
                if (at < 0)
                    throw new InvalidDataException($"{path}:{number}: expected the parts to be cut by '{string.Join("', '", separators)}'.");
                parts[i] = line[from..at];
                from = at + separators[i].Length;
            }
            parts[^1] = line[from..];
            yield return (number, parts);
        }
    }

    /// <summary>A table of three trimmed columns as xUnit theory data, each case with its line number first.</summary>
    public static TheoryData<int, string, string, string> ThreeColumns(string path, string first, string second)
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var (line, parts) in Read(path, first, second))
            data.Add(line, parts[0].Trim(), parts[1].Trim(), parts[2].Trim());
        return data;
    }
}
