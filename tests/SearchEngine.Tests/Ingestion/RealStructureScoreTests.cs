using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Tests.Support;
using Xunit.Abstractions;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// The structure score of the real documents, by the rule of shared/realdocs/score_structure.py: every line of
/// the original file that starts with 第X章, 第X条, 一、 or （一） must be found among the section headings (a heading
/// that starts the line's first 12 characters, or that they start). A file the ingester cannot read counts all
/// its headings as missed, as the script does. The figure must not fall below 95%.
/// </summary>
public partial class RealStructureScoreTests(ITestOutputHelper output)
{
    private const double Required = 0.95;
    private const string Numeral = "一二三四五六七八九十百零〇";

    [GeneratedRegex($"^第[{Numeral}]+章")]
    private static partial Regex Chapter();

    [GeneratedRegex($"^第[{Numeral}]+条")]
    private static partial Regex Article();

    [GeneratedRegex($"^[{Numeral}]+、")]
    private static partial Regex Part();

    [GeneratedRegex($"^[（(][{Numeral}]+[）)]")]
    private static partial Regex SubPart();

    [GeneratedRegex(@"[\s\u3000#*]")]
    private static partial Regex Blank();

    [GeneratedRegex(@"(?is)<(script|style)[^>]*>.*?</\1>")]
    private static partial Regex Script();

    [GeneratedRegex(@"(?i)<(br|/p|/div|/h\d|/li|/tr)[^>]*>")]
    private static partial Regex BlockEnd();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")]
    private static partial Regex LineBreak();

    [Fact]
    public void Should_find_at_least_95_percent_of_the_printed_headings_of_the_real_documents()
    {
        var report = RealDocs.Report;
        var headingsByFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var d in report.Documents)
        {
            var headings = d.Sections.Where(s => s.Level != HeadingLevel.Preamble).Select(s => Key(s.Heading)).Where(h => h.Length > 0).ToList();
            foreach (var source in d.AlternateSources.Prepend(d.Source))
                headingsByFile[Path.GetFileName(source)] = headings;
        }

        int expected = 0, found = 0;
        var misses = new List<string>();
        foreach (var file in Directory.GetFiles(RealDocs.Folder).OrderBy(f => f, StringComparer.Ordinal))
        {
            var headings = headingsByFile.GetValueOrDefault(Path.GetFileName(file)) ?? [];
            foreach (var line in LineBreak().Split(PrintedText(file)).Select(Key))
            {
                bool heading = Chapter().IsMatch(line) || Article().IsMatch(line) || Part().IsMatch(line) || SubPart().IsMatch(line);
                if (!heading || line.Length < 3)
                    continue;
                bool hit = headings.Any(h => line.StartsWith(h[..Math.Min(h.Length, line.Length)], StringComparison.Ordinal)
                    || h.StartsWith(line[..Math.Min(line.Length, Math.Max(3, h.Length))], StringComparison.Ordinal));
                (expected, found) = (expected + 1, found + (hit ? 1 : 0));
                if (!hit)
                    misses.Add($"{Path.GetFileName(file)}: {line}");
            }
        }

        double score = (double)found / Math.Max(1, expected);
        string summary = $"headings found {found}/{expected} ({score:P1}). Missed:\n" + string.Join("\n", misses.Take(40));
        output.WriteLine(summary);
        Assert.True(score >= Required, summary);
    }

    /// <summary>The file's text as the scoring script reads it: Word paragraphs, HTML blocks, plain text.</summary>
    private static string PrintedText(string path)
    {
        if (path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = ZipFile.OpenRead(path);
            using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
            return WebUtility.HtmlDecode(Tag().Replace(reader.ReadToEnd().Replace("</w:p>", "\n", StringComparison.Ordinal), ""));
        }
        byte[] raw = File.ReadAllBytes(path);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(raw);
        }
        if (path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            text = WebUtility.HtmlDecode(Tag().Replace(BlockEnd().Replace(Script().Replace(text, ""), "\n"), ""));
        return text;
    }

    private static string Key(string s)
    {
        string k = Blank().Replace(s.Normalize(NormalizationForm.FormKC), "");
        return k.Length > 12 ? k[..12] : k;
    }
}
