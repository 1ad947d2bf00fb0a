namespace SearchEngine.Core.Text;

/// <summary>Reads the plain-text data files embedded from src/SearchEngine.Core/Data.</summary>
internal static class DataFile
{
    /// <summary>The lines of a data file, without comments (#) and blank lines.</summary>
    public static IEnumerable<string> ReadLines(string name)
    {
        var assembly = typeof(DataFile).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SearchEngine.Core.Data.{name}")
            ?? throw new InvalidOperationException($"Data file '{name}' is not embedded in {assembly.GetName().Name}; check Data/*.txt in the project.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
                yield return trimmed;
        }
    }

    /// <summary>Lines of the form "key&lt;TAB&gt;value".</summary>
    public static IEnumerable<(string Key, string Value)> ReadTabbed(string name)
    {
        foreach (var line in ReadLines(name))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
                throw new InvalidDataException($"Data file '{name}': line '{line}' has no tab between key and value.");
            yield return (line[..tab].Trim(), line[(tab + 1)..].Trim());
        }
    }
}
