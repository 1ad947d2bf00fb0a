using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;
using Xunit.Abstractions;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// The metadata score of the real documents against the hand-read truth (shared/realdocs/truth.json), by the
/// rules of shared/realdocs/score_metadata.py: a title with or without its leading issuers, issuers as a set,
/// numbers after normalising brackets and spaces, 成文日期 as ISO, regions by name and level. Each field must be
/// right for at least 95% of the documents, so a change that makes the figures fall fails here.
/// </summary>
public partial class RealMetadataScoreTests(ITestOutputHelper output)
{
    private const double Required = 0.95;
    private const string NonePrinted = "none printed";

    [Fact]
    public void Should_read_title_issuers_number_date_and_region_of_95_percent_of_the_real_documents()
    {
        var report = RealDocs.Report;
        var byFile = new Dictionary<string, PolicyDocument>(StringComparer.Ordinal);
        foreach (var d in report.Documents)
        {
            foreach (var source in d.AlternateSources.Prepend(d.Source))
                byFile[Path.GetFileName(source)] = d;
        }
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(RealDocs.Folder, "..", "truth.json")));
        var fields = new[] { "title", "issuer", "number", "date", "region" };
        var right = fields.ToDictionary(f => f, _ => 0);
        var misses = new List<string>();
        int total = 0;
        foreach (var t in truth.RootElement.GetProperty("documents").EnumerateArray())
        {
            string file = t.GetProperty("file").GetString()!;
            if (!File.Exists(RealDocs.PathOf(file)))
                continue;
            total++;
            if (!byFile.TryGetValue(file, out var d))
            {
                misses.Add($"{file}: not read");
                continue;
            }
            var m = d.Metadata;
            var issuers = t.GetProperty("issuer").EnumerateArray().Select(i => Norm(i.GetString()!)).Where(i => i != NonePrinted).ToHashSet();
            var checks = new Dictionary<string, (bool Ok, string Got, string Want)>
            {
                ["title"] = TitleCheck(m, Norm(t.GetProperty("title").GetString()!), issuers),
                ["issuer"] = (m.Issuers.Select(i => Norm(i.Value)).ToHashSet().SetEquals(issuers),
                    string.Join("|", m.Issuers.Select(i => i.Value)), string.Join("|", issuers)),
                ["number"] = NumberCheck(m.DocumentNumber?.Value.ToString(), t.GetProperty("number").GetString()!),
                ["date"] = DateCheck(m.SigningDate?.Value, t.GetProperty("date").GetString()!),
                ["region"] = RegionCheck(m.Region?.Value, t.GetProperty("region").GetString()!),
            };
            foreach (var (field, (ok, got, want)) in checks)
            {
                if (ok)
                    right[field]++;
                else
                    misses.Add($"{file} {field}: got '{got}', truth '{want}'");
            }
        }
        string summary = string.Join(" ", fields.Select(f => $"{f}={right[f]}/{total}")) + "\n" + string.Join("\n", misses);
        output.WriteLine(summary);
        Assert.True(total >= 40, $"only {total} documents of truth.json were found in {RealDocs.Folder}");
        Assert.All(fields, f => Assert.True(right[f] >= Required * total, summary));
    }

    private static (bool, string, string) TitleCheck(DocumentMetadata m, string truth, HashSet<string> issuers)
    {
        string StripIssuers(string s)
        {
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var i in issuers.OrderByDescending(i => i.Length))
                {
                    if (s.StartsWith(i, StringComparison.Ordinal))
                    {
                        s = s[i.Length..].TrimStart('、', '，', ',');
                        changed = true;
                    }
                }
            }
            return s;
        }
        var candidates = new[] { m.Title?.Value, m.NoticeTitle?.Value }.OfType<string>().Select(Norm).ToList();
        bool ok = candidates.Any(c => c == truth || c == StripIssuers(truth) || StripIssuers(c) == StripIssuers(truth));
        return (ok, string.Join(" / ", candidates), truth);
    }

    private static (bool, string, string) NumberCheck(string? got, string truth)
    {
        string? want = truth == NonePrinted ? null : Norm(truth).Replace("省政府令", "江西省人民政府令", StringComparison.Ordinal);
        string? have = got is null ? null : Norm(got);
        return (have == want, got ?? "", truth);
    }

    private static (bool, string, string) DateCheck(DateOnly? got, string truth)
    {
        string? have = got?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (have == (truth == NonePrinted ? null : truth), have ?? "", truth);
    }

    private static (bool, string, string) RegionCheck(Region? got, string truth)
    {
        bool ok = truth == "全国"
            ? got?.Level == RegionLevel.Nation
            : got is { Level: not RegionLevel.Nation } r && r.Name.Length > 0 && truth.EndsWith(r.Name, StringComparison.Ordinal)
                && (r.Level != RegionLevel.City || truth.StartsWith(r.Province, StringComparison.Ordinal) || truth.Contains(r.Province, StringComparison.Ordinal) || truth == r.Name);
        return (ok, got is null ? "" : $"{got.Name} ({got.Level})", truth);
    }

    /// <summary>Spaces removed; brackets around a year unified to 〔〕, as the scoring script does.</summary>
    private static string Norm(string s)
    {
        s = Spaces().Replace(s, "");
        return YearBracket().IsMatch(s) ? s.Replace('[', '〔').Replace(']', '〕').Replace('（', '〔').Replace('）', '〕') : s;
    }

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\d{4}[\]）〕]")]
    private static partial Regex YearBracket();
}
