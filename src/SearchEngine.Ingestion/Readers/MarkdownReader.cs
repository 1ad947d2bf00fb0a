using SearchEngine.Core.Documents;
using SearchEngine.Core.Metadata;

namespace SearchEngine.Ingestion.Readers;

/// <summary>
/// Markdown as regulation databases publish laws and 规章 — rules (a "# " title, info lines, "## 第一章 总则",
/// bold **第一条**): decoded like a text file, then turned into plain text by <see cref="MarkdownText"/>. The first
/// level-1 heading is the declared title; it also stays in the text, where the title finder sees it printed.
/// </summary>
internal sealed class MarkdownReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Markdown;

    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    public ReadResult Read(string path)
    {
        var decoded = TextFileReader.Decode(File.ReadAllBytes(path));
        if (!decoded.Succeeded)
            return decoded;
        var (text, title) = MarkdownText.ToPlainText(decoded.Text!);
        if (string.IsNullOrWhiteSpace(text))
            return ReadResult.Fail("the Markdown file has no text outside mark-up and comments");
        var properties = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(title))
            properties[SourceProperties.Title] = title;
        return ReadResult.Ok(text, properties);
    }
}
