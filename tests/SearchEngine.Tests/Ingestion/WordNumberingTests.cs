using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SearchEngine.Core.Documents;
using SearchEngine.Ingestion.Pipeline;
using SearchEngine.Ingestion.Readers;

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
        Assert.Equal(expected, WordNumbering.FormatNumber(n, format));

    [Fact]
    public void Should_keep_every_label_short_when_a_2_kb_numbering_definition_asks_for_gigabytes()
    {
        // Given a list starting at two billion in Roman numerals, and a second level whose text repeats %1 300 times
        string path = Path.Combine(Folder, "numbering-bomb.docx");
        const int Paragraphs = 1000;
        RawDocx.Write(path,
            RawDocx.AbstractList("1", RawDocx.Level("0", "upperRoman", "%1", start: "2000000000"), RawDocx.Level("1", "upperRoman", string.Concat(Enumerable.Repeat("%1.", 300))))
                + RawDocx.List("1", "1"),
            string.Concat(Enumerable.Range(0, Paragraphs).Select(i => RawDocx.Paragraph("1", (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture), "条"))));
        Assert.True(new FileInfo(path).Length < 4096);

        // When it is read
        var result = new DocxReader().Read(path);

        // Then every paragraph is there with a label of bounded length
        Assert.True(result.Succeeded, result.Error);
        var lines = result.Text!.Split('\n');
        Assert.Equal(Paragraphs, lines.Length);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, WordNumbering.MaxLabelChars + 1));
        Assert.Equal("32767条", lines[0]); // the start value is clamped to Word's range, then rendered in decimal
    }

    [Theory]
    [InlineData("a level defined twice (the first counts)", "1", "0", "2.条")]
    [InlineData("a level above 8, defined and used", "1", "9", "条")]
    [InlineData("a level above the defined ones", "1", "4", "条")]
    [InlineData("a negative level", "1", "-1", "条")]
    [InlineData("a level that is not a number (read as 0)", "1", "x", "2.条")]
    [InlineData("a list whose abstract list is missing", "2", "0", "条")]
    [InlineData("a list that does not exist", "7", "0", "条")]
    [InlineData("a list id that is not a number", "bad", "0", "条")]
    [InlineData("a start value that is not a number (read as 1)", "3", "0", "1.条")]
    public void Should_read_a_docx_with_malformed_numbering_leaving_undefined_numbers_out(string _, string numId, string ilvl, string second)
    {
        // Given a first paragraph numbered properly and a second one using a malformed definition
        string path = Path.Combine(Folder, "malformed.docx");
        RawDocx.Write(path,
            RawDocx.AbstractList("1", RawDocx.Level("0", "decimal", "%1."), RawDocx.Level("0", "upperRoman", "%1)"), RawDocx.Level("9", "decimal", "%10."), RawDocx.Level("-1", "decimal", "%1."))
                + RawDocx.AbstractList("3", RawDocx.Level("0", "decimal", "%1.", start: "many"))
                + RawDocx.List("1", "1") + RawDocx.List("2", "99") + RawDocx.List("3", "3") + RawDocx.List("bad", "1"),
            RawDocx.Paragraph("1", "0", "条") + RawDocx.Paragraph(numId, ilvl, "条"));

        // When it is read
        var result = new DocxReader().Read(path);

        // Then it reads, with no number where none is defined
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["1.条", second], result.Text!.Split('\n'));
    }

    [Fact]
    public void Should_ingest_the_rest_of_a_folder_holding_malformed_docx_files()
    {
        // Given a folder with a readable text file, a .docx with a duplicate level and a damaged .docx
        File.Copy(Seeds.Fixture("policy-utf8.txt"), Path.Combine(Folder, "a-policy.txt"));
        RawDocx.Write(Path.Combine(Folder, "b-duplicate-level.docx"),
            RawDocx.AbstractList("1", RawDocx.Level("0", "chineseCounting", "%1、"), RawDocx.Level("0", "decimal", "%1.")) + RawDocx.List("1", "1"),
            RawDocx.Paragraph("1", "0", "总体要求") + RawDocx.Paragraph("1", "12", "加快发展氢能产业。"));
        var damaged = new byte[2048];
        new Random(5).NextBytes(damaged);
        "PK"u8.ToArray().CopyTo(damaged, 0);
        File.WriteAllBytes(Path.Combine(Folder, "c-damaged.docx"), damaged);

        // When the folder is ingested
        var report = new PolicyFileIngester().Ingest([Folder], Folder);

        // Then the damaged file is reported with its reason and the others are documents
        Assert.Equal(["a-policy.txt", "b-duplicate-level.docx"], report.Documents.Select(d => d.Source).Order(StringComparer.Ordinal));
        var failure = Assert.Single(report.Failures);
        Assert.Equal("c-damaged.docx", failure.Source);
        Assert.Contains("corrupt", failure.Reason, StringComparison.Ordinal);
        Assert.StartsWith("一、总体要求", report.Documents.Single(d => d.Source.EndsWith(".docx", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
    }

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
