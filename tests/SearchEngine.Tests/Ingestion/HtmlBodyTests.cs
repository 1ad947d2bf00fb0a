using SearchEngine.Ingestion.Readers;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>
/// Given a page that puts its paragraphs straight into &lt;body&gt; (no article container, as simple sites and saved
/// pages do), when it is read, then every paragraph is kept, not only the first one (found by the worst-case
/// upload measurement of issue 10: a 20 MiB page was accepted with one paragraph).
/// </summary>
public sealed class HtmlBodyTests : TempFolderTest
{
    [Fact]
    public void Should_keep_every_paragraph_of_a_page_without_a_container()
    {
        string path = Path.Combine(Folder, "flat.html");
        var paragraphs = Enumerable.Range(1, 200).Select(i => $"<p>第{i}段：推进氢能产业发展，加快燃料电池示范应用。</p>");
        File.WriteAllText(path, "<html><head><title>关于推进氢能产业发展的通知</title></head><body><h1>关于推进氢能产业发展的通知</h1>"
            + string.Concat(paragraphs) + "</body></html>");

        var result = new HtmlReader().Read(path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("第1段", result.Text, StringComparison.Ordinal);
        Assert.Contains("第200段", result.Text, StringComparison.Ordinal);
        Assert.Equal(200, result.Text!.Split('\n').Count(l => l.Contains("燃料电池", StringComparison.Ordinal)));
    }
}
