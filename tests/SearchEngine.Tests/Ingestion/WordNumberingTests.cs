using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;

using SearchEngine.Tests.Support;

namespace SearchEngine.Tests.Ingestion;

/// <summary>Given a .docx whose outline numbers come from Word's automatic numbering, the outline survives.</summary>
public sealed class WordNumberingTests : TempFolderTest
{
    [Fact]
    public void Should_render_automatic_chinese_numbering_into_the_outline()
    {
        string path = Path.Combine(Folder, "numbered.docx");
        WriteNumberedDocx(path,
        [
            (null, "关于加快氢能产业发展的实施方案"),
            (0, "总体要求"), (1, "发展目标"), (2, "到2025年氢能产业规模达到100亿元。"), (2, "建成加氢站20座。"),
            (0, "重点任务"), (1, "推进制氢"), (2, "发展可再生能源制氢。"), (1, "推广燃料电池汽车"),
            (0, "保障措施"),
        ]);

        var (document, error) = new PolicyFileIngester().IngestFile(path, "numbered.docx");

        Assert.True(document is not null, error);
        var outline = document.Sections.Where(s => s.Level != HeadingLevel.Preamble)
            .Select(s => $"{s.Level}:{s.Heading}").ToList();
        Assert.Equal(
        [
            "Part:一、总体要求", "Chapter:（一）发展目标", "Item:1.到2025年氢能产业规模达到100亿元。", "Item:2.建成加氢站20座。",
            "Part:二、重点任务", "Chapter:（一）推进制氢", "Item:1.发展可再生能源制氢。", "Chapter:（二）推广燃料电池汽车",
            "Part:三、保障措施",
        ], outline);
    }

    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(12, "chineseCountingThousand", "十二")]
    [InlineData(3, "decimal", "3")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(2, "lowerLetter", "b")]
    [InlineData(7, "decimalFullWidth", "７")]
    public void Should_format_numbers_as_word_does(int n, string format, string expected) =>
        Assert.Equal(expected, SearchEngine.Ingestion.Readers.WordNumbering.FormatNumber(n, format));

    /// <summary>A minimal .docx: paragraphs with a numbering level (null = unnumbered) from one list definition.</summary>
    private static void WriteNumberedDocx(string path, (int? Level, string Text)[] paragraphs)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        static Level Lvl(int index, NumberFormatValues format, string text) =>
            new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
        numbering.Numbering = new Numbering(
            new AbstractNum(
                Lvl(0, NumberFormatValues.ChineseCounting, "%1、"),
                Lvl(1, NumberFormatValues.ChineseCounting, "（%2）"),
                Lvl(2, NumberFormatValues.Decimal, "%3.")) { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 });
        var body = new Body();
        foreach (var (level, text) in paragraphs)
        {
            var paragraph = new Paragraph(new Run(new Text(text)));
            if (level is { } l)
                paragraph.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = l }, new NumberingId { Val = 1 })));
            body.Append(paragraph);
        }
        main.Document = new Document(body);
    }
}
