using System.Text.RegularExpressions;
using SearchEngine.Core.Documents;

namespace SearchEngine.Core.Metadata;

/// <summary>
/// 公布/通过 line — how a regulation records its adoption under its title: "2019年11月30日 国家市场监督管理总局令
/// 第20号公布", "2021年6月29日深圳市第七届人民代表大会常务委员会第二次会议通过". The first one near the top is the
/// original adoption; later lines record revisions.
/// </summary>
/// <param name="Date">The date it was adopted or promulgated.</param>
/// <param name="Organ">The organ that adopted it, without its term (第七届) or session.</param>
/// <param name="Number">The order it was promulgated by, when the line names one.</param>
/// <param name="Offset">Where the line starts in the text.</param>
/// <param name="Printed">The line as printed.</param>
internal sealed partial record PromulgationLine(DateOnly Date, string Organ, DocumentNumber? Number, int Offset, string Printed)
{
    private const string DatePattern = ChineseDate.DigitPattern;

    public static PromulgationLine? Find(IReadOnlyList<TextLine> lines, int first)
    {
        for (int i = first; i < Math.Min(lines.Count, first + 8); i++)
        {
            string line = lines[i].Text.Trim().TrimStart('（', '(');
            var m = Pattern().Match(line);
            if (!m.Success || !ChineseDate.TryParse(m.Groups["date"].Value, out var date))
                continue;
            string organ = m.Groups["organ"].Value;
            DocumentNumber? number = null;
            if (m.Groups["order"].Success)
            {
                // 国家市场监督管理总局令第20号公布: the order's number, and its issuer without 令.
                number = DocumentNumberParser.ParseOrder(organ + m.Groups["order"].Value);
                organ = DocumentNumberParser.OrderPrefix(organ);
            }
            return new PromulgationLine(date, SessionNumber().Replace(organ, ""), number, lines[i].Offset, lines[i].Text.Trim());
        }
        return null;
    }

    [GeneratedRegex(@"^(?<date>" + DatePattern + @")[\s　]*(?<organ>[\u4e00-\u9fff]{2,40}?)(?<order>令(?:[\s　]*(?:19|20)[0-9]{2}年)?[\s　]*第[\s　]*(?:[0-9]{1,5}|[一二三四五六七八九十百千零〇]{1,8})[\s　]*号)?(?:第[一二三四五六七八九十百0-9]+次[\u4e00-\u9fff]{0,8}会议)?(公布|通过|发布|批准|修订|修正)")]
    private static partial Regex Pattern();

    // 第七届 in 深圳市第七届人民代表大会常务委员会: the term is not part of the organ's name.
    [GeneratedRegex(@"第[一二三四五六七八九十百0-9]+届")]
    private static partial Regex SessionNumber();
}
