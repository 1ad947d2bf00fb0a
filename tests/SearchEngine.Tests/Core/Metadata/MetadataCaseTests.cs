using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Core.Metadata;

/// <summary>
/// Given a small document of each layout (Cases/*.txt: expected fields as "# field: value" lines, then the text),
/// when it is built, then title, issuers, own number, date, region and the other listed fields are as printed.
/// Adding a layout is adding a file. An empty expectation means "none printed".
/// </summary>
public class MetadataCaseTests
{
    private static readonly string Folder = Path.Combine(Seeds.RepositoryRoot, "tests", "SearchEngine.Tests", "Core", "Metadata", "Cases");

    public static TheoryData<string> CaseNames() => [.. Directory.GetFiles(Folder, "*.txt").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_read_the_metadata_each_layout_prints(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, name + ".txt"));
        var expected = lines.TakeWhile(l => l.StartsWith('#'))
            .Select(l => l[1..].Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        string text = string.Join('\n', lines.SkipWhile(l => l.StartsWith('#')));
        var m = new PolicyDocumentBuilder().Build(name, name + ".txt", SourceFormat.Text, text).Metadata;

        string Show(string field) => field switch
        {
            "title" => m.NoticeTitle?.Value ?? m.Title?.Value ?? "",
            "issuers" => string.Join('|', m.Issuers.Select(i => i.Value)),
            "forwarded" => string.Join('|', m.ForwardedFrom.Select(i => i.Value)),
            "number" => m.DocumentNumber?.Value.ToString() ?? "",
            "date" => m.SigningDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            "published" => m.PublicationDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            "effective" => m.EffectiveDate?.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            "region" => m.Region?.Value.Name ?? "",
            "index" => m.IndexNumber?.Value ?? "",
            "cited" => string.Join('|', m.CitedNumbers.Select(c => c.Value.ToString())),
            _ => throw new InvalidOperationException($"{name}.txt expects an unknown field '{field}'."),
        };
        var wrong = expected.Where(e => Show(e.Key) != e.Value).Select(e => $"{e.Key}: expected '{e.Value}', got '{Show(e.Key)}'").ToList();
        Assert.True(wrong.Count == 0, $"{name}.txt:\n  " + string.Join("\n  ", wrong));
        Assert.All(m.Issuers, i => Assert.Equal(Provenance.Printed, i.Provenance));
    }
}
