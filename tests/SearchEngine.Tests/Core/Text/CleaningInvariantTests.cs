using FsCheck;
using FsCheck.Fluent;
using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Core.Text;

namespace SearchEngine.Tests.Core.Text;

/// <summary>Randomized: any text goes through the pipeline without throwing and sections tile the text.</summary>
public class CleaningInvariantTests
{
    private static readonly string[] Pieces =
    [
        "一、", "二、", "（一）", "(二)", "1.", "2 .", "（1）", "专栏1:", "IL", "。", "，", "\n", "\n\n", "  ", "\r\n",
        "湘政办发〔2021〕47号", "2021年8月19日", "关于印发", "的通知", "市科技局牵头", "（责任单位：省科技厅）", "氢能",
        "— 3 —", "1、", "\u0000", "\uFEFF", "\u200B", "a", "5G", "\uD83D\uDE00", "\uD800", "发展", "战略性新兴产业",
    ];

    private static Gen<string> PolicyLikeText() =>
        Gen.Choose(0, Pieces.Length - 1).Select(i => Pieces[i]).ListOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Should_build_any_policy_like_text_into_sections_that_tile_it()
    {
        var builder = new PolicyDocumentBuilder();
        Prop.ForAll(PolicyLikeText().ToArbitrary(), raw =>
        {
            var d = builder.Build("x", "x.txt", SourceFormat.Text, raw);
            int at = 0;
            foreach (var s in d.Sections)
            {
                if (s.Start != at || s.BodyStart < s.Start || s.End < s.BodyStart)
                    return false;
                at = s.End;
            }
            return at == d.Text.Length || d.Sections.Count == 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_clean_arbitrary_strings_without_throwing()
    {
        var cleaner = new PolicyTextCleaner();
        Prop.ForAll<string>(s => cleaner.Clean(s ?? "").Text is not null).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_never_leave_control_characters_or_blank_lines_in_clean_text()
    {
        var cleaner = new PolicyTextCleaner();
        var random = new Random(12345);
        for (int run = 0; run < 300; run++)
        {
            string raw = string.Concat(Enumerable.Range(0, random.Next(0, 60)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            string text = cleaner.Clean(raw).Text;
            Assert.DoesNotContain("\n\n", text, StringComparison.Ordinal);
            Assert.DoesNotContain(text, c => char.IsControl(c) && c != '\n' && c != '\t');
        }
    }
}
