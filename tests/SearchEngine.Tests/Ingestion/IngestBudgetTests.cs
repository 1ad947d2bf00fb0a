using System.Diagnostics;
using System.Text;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Core.Text;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Ingestion.Readers;
using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>A file over its budget (characters, sections, time) or whose caller gives up yields no document, quickly.</summary>
public sealed class IngestBudgetTests : TempFolderTest
{
    private static readonly PolicyFileIngester Ingester = new();

    [Fact]
    public void Should_refuse_a_file_yielding_more_characters_than_the_budget_with_the_count()
    {
        // Given a 5,000-character text file and a budget of 1,000 characters
        string text = "关于预算测试的通知\n" + new string('氢', 5000 - 10);
        string path = Write("long.txt", text);

        // When it is ingested within the budget
        var (document, error, overBudget) = Ingester.IngestFile(path, "long.txt", null, new IngestBudget(MaxCharacters: 1000), CancellationToken.None);

        // Then there is no document, and the reason gives the count and the limit
        Assert.Null(document);
        Assert.True(overBudget);
        Assert.Contains("yields 5,000 characters of text, more than the 1,000 allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_file_with_more_sections_than_the_budget_before_enriching_them()
    {
        // Given a file with 30 numbered parts (一、 … 三十、), which builds into more than 30 sections without a budget
        string path = Write("parts.txt", Parts(30));
        var (unbounded, _) = Ingester.IngestFile(path, "parts.txt");
        Assert.True(unbounded!.Sections.Count(s => s.Level == HeadingLevel.Part) == 30, "the generated headings are not read as 30 parts");

        // When it is ingested with a budget of 10 sections
        var (document, error, overBudget) = Ingester.IngestFile(path, "parts.txt", null, new IngestBudget(MaxSections: 10), CancellationToken.None);

        // Then there is no document, and the reason gives the count and the limit
        Assert.Null(document);
        Assert.True(overBudget);
        Assert.Contains($"the file has {unbounded.Sections.Count:N0} sections, more than the 10 allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_build_a_file_within_its_budget_as_without_one()
    {
        string path = Write("parts.txt", Parts(5));
        var (document, error, overBudget) = Ingester.IngestFile(path, "parts.txt", null,
            new IngestBudget(MaxCharacters: 10_000, MaxSections: 100, MaxTime: TimeSpan.FromSeconds(30)), CancellationToken.None);
        Assert.True(document is not null, error);
        Assert.False(overBudget);
        Assert.Equal(Ingester.IngestFile(path, "parts.txt").Document!.Sections.Count, document.Sections.Count);
    }

    [Fact]
    public void Should_throw_and_build_nothing_when_the_caller_has_given_up_already()
    {
        string path = Write("parts.txt", Parts(5));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Ingester.IngestFile(path, "parts.txt", null, IngestBudget.None, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new PolicyDocumentBuilder().Build("x", "x.txt", SourceFormat.Text, Parts(5), null, IngestBudget.None, cancelled.Token));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_stop_a_hanging_converter_at_the_time_budget_and_give_the_reason()
    {
        // Given a pdftotext that hangs, with its own time limit far above the budget's
        var ingester = new PolicyFileIngester([new PdfReader(TimeSpan.FromSeconds(60), HangingTool())]);
        var clock = Stopwatch.StartNew();

        // When a PDF is ingested within a 1-second budget
        var (document, error, overBudget) = ingester.IngestFile(Seeds.Fixture("policy.pdf"), "policy.pdf", null, new IngestBudget(MaxTime: TimeSpan.FromSeconds(1)), CancellationToken.None);

        // Then the converter is killed at the budget, not at its own limit, and the reason says so
        Assert.Null(document);
        Assert.True(overBudget);
        Assert.Contains("took longer than the 1 s allowed", error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Should_stop_a_hanging_converter_when_the_caller_gives_up()
    {
        var ingester = new PolicyFileIngester([new PdfReader(TimeSpan.FromSeconds(60), HangingTool())]);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ingester.IngestFile(Seeds.Fixture("policy.pdf"), "policy.pdf", null, new IngestBudget(MaxTime: TimeSpan.FromSeconds(30)), caller.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    /// <summary>A policy text with <paramref name="count"/> numbered parts, 一、 to (say) 三十、.</summary>
    internal static string Parts(int count)
    {
        var text = new StringBuilder("关于预算测试的通知\n各有关单位：\n现将有关事项通知如下。\n");
        for (int i = 1; i <= count; i++)
            text.Append(ChineseNumeral.Format(i)).Append("、第").Append(i).Append("项任务\n推进第").Append(i).Append("项任务的落实。\n");
        return text.ToString();
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private string HangingTool()
    {
        string tool = Path.Combine(Folder, "hanging-pdftotext");
        File.WriteAllText(tool, "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return tool;
    }
}
