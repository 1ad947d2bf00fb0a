using SearchEngine.Core.Documents;
using SearchEngine.Core.Pipeline;
using SearchEngine.Core.Targets;

namespace SearchEngine.Tests.Core.Targets;

/// <summary>Invariants on random text built from the pieces goals are printed with: no exception, offsets that point at the sentence and its value, values within what was printed.</summary>
public class PlanTargetInvariantTests
{
    private static readonly string[] Pieces =
    [
        "力争", "到2025年", "，", "、", "。", "；", "增长", "达到", "以上", "左右", "以内", "控制在", "由", "2020年的", "提高到",
        "研发经费", "高新技术企业", "12", "5.5", "1,000", "３", "%", "％", "家", "万亿元", "亿元", "个百分点", "—", "-", "分别",
        "翻一番", "突破", "万", "“", "”", "《", "》", "的", "培育", "新建", "等", "和", "今年", "同比", "过去一年", "\n", "二、发展目标\n",
        "一、发展基础\n", "0", "9", ".", "×", "≥", "第", "十四五", "两", "个", "项",
    ];

    [Fact]
    public void Should_keep_offsets_on_the_sentence_and_its_value_for_random_text()
    {
        var random = new Random(20261203);
        var builder = new PolicyDocumentBuilder();
        for (int round = 0; round < 400; round++)
        {
            var text = new System.Text.StringBuilder("湖南省“十四五”发展规划\n");
            int pieces = random.Next(1, 120);
            for (int i = 0; i < pieces; i++)
                text.Append(Pieces[random.Next(Pieces.Length)]);
            var document = builder.Build("r", "r.txt", SourceFormat.Text, text.ToString());
            foreach (var t in PlanTargetExtractor.Extract(document))
            {
                string body = document.BodyOf(document.Sections[t.Section]);
                Assert.True(t.SentenceStart >= 0 && t.SentenceEnd <= body.Length, $"round {round}: sentence outside its section");
                Assert.Equal(t.Sentence, body[t.SentenceStart..t.SentenceEnd]);
                Assert.True(t.ValueStart >= t.SentenceStart && t.ValueEnd <= t.SentenceEnd && t.ValueStart < t.ValueEnd, $"round {round}: value outside its sentence");
                Assert.True(t.Value >= 0 && (t.ValueMax is null || t.ValueMax > t.Value), $"round {round}: value {t.Value}–{t.ValueMax}");
                Assert.False(string.IsNullOrWhiteSpace(t.Indicator), $"round {round}: empty indicator in {t.Sentence}");
                Assert.False(string.IsNullOrEmpty(t.Unit), $"round {round}: no unit in {t.Sentence}");
            }
        }
    }
}
