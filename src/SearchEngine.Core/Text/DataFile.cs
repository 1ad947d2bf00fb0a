namespace SearchEngine.Core.Text;

/// <summary>Reads the plain-text data files embedded from src/SearchEngine.Core/Data.</summary>
internal static class DataFile
{
    /// <summary>The lines of a data file, without comments (#) and blank lines.</summary>
    /// <param name="name">File name, e.g. "divisions.txt".</param>
    /// <param name="folder">"Data" for src/SearchEngine.Core/Data, "Analysis.Data" for Analysis/Data.</param>
    public static IEnumerable<string> ReadLines(string name, string folder = "Data")
    {
        using var reader = Open(name, folder);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
                yield return trimmed;
        }
    }

    /// <summary>A reader over an embedded data file, for files too large to go line by line through LINQ.</summary>
    public static StreamReader Open(string name, string folder = "Data")
    {
        var assembly = typeof(DataFile).Assembly;
        var stream = assembly.GetManifestResourceStream($"SearchEngine.Core.{folder}.{name}")
            ?? throw new InvalidOperationException($"Data file '{name}' is not embedded in {assembly.GetName().Name}; check {folder.Replace('.', '/')}/*.txt in the project.");
        return new StreamReader(stream);
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
