using System.Text;
using System.Text.RegularExpressions;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 信息公开表 — the labelled fields government pages print above a document (索引号：… 发文机关：… 文号：…
/// 成文日期：…) and legal databases print around it (【发布部门】… 【发文字号】… 【施行日期】…). A line counts only
/// when it starts with a known label; several labels may share a line (a table row), and labels may be
/// letter-spaced (索 引 号：, 标　　题：).
/// </summary>
internal static partial class LabelledFields
{
    /// <summary>How many lines at the top and at the bottom of a text are searched for labelled lines.</summary>
    private const int HeadLines = 40, TailLines = 6;

    private static readonly (string Label, PrintedLabel Kind)[] Labels =
    [
        ("发文机关", PrintedLabel.Issuer), ("发布机关", PrintedLabel.Issuer), ("发布部门", PrintedLabel.Issuer),
        ("制定机关", PrintedLabel.Issuer), ("发文单位", PrintedLabel.Issuer), ("发布单位", PrintedLabel.Issuer),
        ("颁布机关", PrintedLabel.Issuer), ("发文字号", PrintedLabel.Number), ("文号", PrintedLabel.Number),
        ("文件编号", PrintedLabel.Number), ("成文日期", PrintedLabel.SigningDate), ("成文时间", PrintedLabel.SigningDate),
        ("签发日期", PrintedLabel.SigningDate), ("发布日期", PrintedLabel.PublicationDate),
        ("公布日期", PrintedLabel.PublicationDate), ("发布时间", PrintedLabel.PublicationDate),
        ("发文日期", PrintedLabel.PublicationDate), ("实施日期", PrintedLabel.EffectiveDate),
        ("施行日期", PrintedLabel.EffectiveDate), ("生效日期", PrintedLabel.EffectiveDate),
        ("标题", PrintedLabel.Title), ("文件名称", PrintedLabel.Title), ("名称", PrintedLabel.Title),
        ("索引号", PrintedLabel.IndexNumber), ("主题分类", PrintedLabel.Topic), ("信息来源", PrintedLabel.Source),
        ("文章来源", PrintedLabel.Source), ("来源", PrintedLabel.Source), ("时效性", PrintedLabel.Other),
        ("效力级别", PrintedLabel.Other), ("法规类别", PrintedLabel.Other), ("法宝引证码", PrintedLabel.Other),
        ("原文链接", PrintedLabel.Other), ("组配分类", PrintedLabel.Other), ("主题词", PrintedLabel.Other),
        ("体裁分类", PrintedLabel.Other), ("发布机构", PrintedLabel.Issuer), ("有效性", PrintedLabel.Other),
        ("发布文号", PrintedLabel.Number), ("法规文号", PrintedLabel.Number), ("颁布日期", PrintedLabel.PublicationDate),
        ("实施或试行日期", PrintedLabel.EffectiveDate), ("法规标题", PrintedLabel.Title), ("效力等级", PrintedLabel.Other),
        ("起草单位", PrintedLabel.Other), ("正文", PrintedLabel.Other), ("审核机关", PrintedLabel.Other),
    ];

    /// <summary>One labelled value with where it stands in the text.</summary>
    public readonly record struct Field(PrintedLabel Kind, string Label, string Value, int Offset, string Line);

    /// <summary>The labelled fields of a text, in order, and the offsets of the lines that hold them.</summary>
    public static (List<Field> Fields, HashSet<int> LineStarts) Read(IReadOnlyList<TextLine> lines)
    {
        var fields = new List<Field>();
        var lineStarts = new HashSet<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (i >= HeadLines && i < lines.Count - TailLines)
                continue;
            var line = lines[i];
            // A table printed to PDF breaks a label across lines ("文" / "号:赣府发〔2020〕6号"): the fragment is
            // joined to the line it belongs to, keeping the offsets of the value.
            if (line.Text.Trim().Length is > 0 and <= 3 && i + 1 < lines.Count && !IsLabelled(line.Text)
                && IsLabelled(line.Text.Trim() + lines[i + 1].Text))
            {
                string fragment = line.Text.Trim();
                line = new TextLine(fragment + lines[i + 1].Text, lines[i + 1].Offset - fragment.Length);
                i++;
            }
            // A value the table wrapped (号:赣府厅发 / 〔2020〕4号) continues on the next line.
            if (i + 1 < lines.Count && IsLabelled(line.Text)
                && (WrappedNumberTail().IsMatch(lines[i + 1].Text) || (UnfinishedNumber().IsMatch(line.Text) && NumberEnd().IsMatch(lines[i + 1].Text))))
            {
                line = new TextLine(line.Text + lines[i + 1].Text.Trim(), line.Offset);
                i++;
            }
            if (!IsLabelled(line.Text))
                continue;
            var matches = Pattern.Matches(line.Text);
            lineStarts.Add(line.Offset);
            for (int m = 0; m < matches.Count; m++)
            {
                int valueStart = matches[m].Index + matches[m].Length;
                int valueEnd = m + 1 < matches.Count ? matches[m + 1].Index : line.Text.Length;
                string value = line.Text[valueStart..valueEnd].Trim().Trim('　');
                string label = Squeeze(matches[m].Groups["label"].Value);
                var kind = Labels.First(l => l.Label == label).Kind;
                if (value.Length > 0)
                    fields.Add(new Field(kind, label, value, line.Offset + valueStart, line.Text));
            }
        }
        return (fields, lineStarts);
    }

    /// <summary>Whether a line is furniture of this kind (starts with a known label).</summary>
    public static bool IsLabelled(string line) => AnchoredPattern.IsMatch(line);

    [GeneratedRegex(@"^\s*[〔\[（(［]\s*(19|20)\d{2}\s*[〕\]）)］]\s*\d{1,4}\s*号\s*$")]
    private static partial Regex WrappedNumberTail();

    // 文号:省政府令第223 / 号 — a number label whose value stops before its 号.
    [GeneratedRegex(@"号\s*[:：][^:：]*[〔\[（(］〕\]）)第\d]\s*$")]
    private static partial Regex UnfinishedNumber();

    [GeneratedRegex(@"^\s*\d{0,4}\s*号\s*$")]
    private static partial Regex NumberEnd();

    private static string Squeeze(string label)
    {
        var sb = new StringBuilder(label.Length);
        foreach (char c in label)
        {
            if (!char.IsWhiteSpace(c) && c != '　')
                sb.Append(c);
        }
        return sb.ToString();
    }

    // Built from the label list, longest label first: each label's characters may be separated by spaces; a label
    // ends at a colon, or stands in 【】/[] brackets as legal databases print it.
    private static readonly Regex Pattern = BuildPattern(anchored: false);

    // Every line of every document is asked whether it is labelled: anchored, the answer costs a few characters.
    private static readonly Regex AnchoredPattern = BuildPattern(anchored: true);


    private static Regex BuildPattern(bool anchored)
    {
        string alternatives = string.Join('|', Labels.Select(l => l.Label).OrderByDescending(l => l.Length)
            .Select(l => string.Join(@"\s*", l.Select(c => Regex.Escape(c.ToString())))));
        return new Regex((anchored ? @"^\s*" : "") + $@"(?:[【\[]\s*(?<label>{alternatives})\s*[】\]]\s*[：:]?|(?<label>{alternatives})\s*[：:])", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }
}
