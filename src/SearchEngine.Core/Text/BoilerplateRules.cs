namespace SearchEngine.Core.Text;

/// <summary>
/// Site boilerplate of scraped pages, kept as data (Data/boilerplate.txt) so the team can add a site's
/// phrases without code: "line" rules drop one line, "footer" rules drop the line and all after it.
/// </summary>
internal sealed class BoilerplateRules
{
    private readonly List<string> _lineContains = [];
    private readonly List<string> _footerStarts = [];

    public static BoilerplateRules Default { get; } = Load();

    public static BoilerplateRules Load()
    {
        var rules = new BoilerplateRules();
        foreach (var (kind, pattern) in DataFile.ReadTabbed("boilerplate.txt"))
        {
            switch (kind)
            {
                case "line": rules._lineContains.Add(pattern); break;
                case "footer": rules._footerStarts.Add(pattern); break;
                default: throw new InvalidDataException($"boilerplate.txt: unknown rule kind '{kind}'; use 'line' or 'footer'.");
            }
        }
        return rules;
    }

    public bool IsBoilerplateLine(string line) => _lineContains.Exists(p => line.Contains(p, StringComparison.Ordinal));

    public bool StartsFooter(string line)
    {
        var trimmed = line.TrimStart(' ', '\u3000', '-', '－');
        return _footerStarts.Exists(p => trimmed.StartsWith(p, StringComparison.Ordinal));
    }
}
