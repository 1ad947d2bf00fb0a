using System.Globalization;

namespace SearchEngine.Core.Targets;

/// <summary>
/// Finds the <see cref="Quantity"/>s of a sentence in one pass: Arabic numbers (full-width digits, thousands
/// commas, decimals), small Chinese numerals before a counting unit (两个百分点, 三家), ranges (5%—6%, 3-5家) and
/// 翻一番 / 翻两番. A number counts only with a unit from <see cref="Units"/> after it, so years (2025年), articles
/// (第3条), document numbers and names such as 5G or "4+4科创工程" are not quantities.
/// </summary>
internal static class QuantityReader
{
    /// <summary>Units a goal's value is printed in, longest first when one is the prefix of another.</summary>
    private static readonly string[] BaseUnits =
    [
        "个百分点", "百分点", "%", "％", "‰", "倍",
        "元", "美元",
        "人次", "人", "户", "名", "位", "例",
        "吨标准煤", "吨", "公斤", "千克", "斤",
        "千瓦时", "千瓦", "兆瓦", "吉瓦", "瓦", "GW", "MW", "kW",
        "平方公里", "平方米", "立方米", "公里", "千米", "米", "亩", "公顷",
        "标箱", "辆", "台", "套", "件", "项", "批次", "个月", "个", "家", "所", "座", "条", "处", "张", "床", "支", "部", "场", "次", "篇",
        "间", "栋", "艘", "架", "天", "小时",
    ];

    /// <summary>Multipliers printed between the number and the unit (1.2万亿元, 110万人); they stay part of the unit.</summary>
    private static readonly string[] Multipliers = ["万亿", "千亿", "百亿", "千万", "百万", "十万", "亿", "万", "千", "百"];

    /// <summary>
    /// Units a Chinese numeral may carry (提高两个百分点, 增长一倍): a count in characters is far more often a name
    /// (“两个确立”, 四个意识, 八项规定, 三项工程) than a goal.
    /// </summary>
    private static readonly string[] CountingUnits = ["个百分点", "倍"];

    private static readonly string[] Suffixes = ["及以上", "以上", "及以下", "以下", "以内", "之内", "左右", "上下"];

    private static string[] Units { get; } = [.. BaseUnits.OrderByDescending(u => u.Length)];

    public static List<Quantity> Read(string text)
    {
        var found = new List<Quantity>();
        for (int i = 0; i < text.Length; i++)
        {
            if (TryDoubling(text, i, out var doubling))
            {
                found.Add(doubling);
                i = doubling.End - 1;
                continue;
            }
            if (TryWordAmount(text, i, out var word))
            {
                found.Add(word);
                i = word.End - 1;
                continue;
            }
            if (!StartsNumber(text, i))
                continue;
            int numberEnd = ReadNumber(text, i, out decimal value, out bool arabic);
            if (numberEnd == i)
                continue;
            if (!arabic && value <= 1)
            {
                // 一个 / 一家 reads as "a", not as a count.
                i = numberEnd - 1;
                continue;
            }
            int at = numberEnd;
            decimal? max = null;
            string? firstUnit = ReadUnit(text, at, arabic);
            if (firstUnit is not null)
                at += firstUnit.Length;
            if (TryRange(text, at, arabic, out int rangeEnd, out decimal high, out string? rangeUnit) && high > value)
            {
                max = high;
                at = rangeEnd;
                firstUnit = rangeUnit ?? firstUnit;
            }
            if (firstUnit is null)
            {
                i = Math.Max(i, numberEnd - 1);
                continue;
            }
            string? suffix = Suffixes.FirstOrDefault(s => string.CompareOrdinal(text, at, s, 0, s.Length) == 0);
            if (suffix is not null)
                at += suffix.Length;
            // 营业收入5000万元以上的企业, 10亿元以上项目, 56人以上大班额: a bounded quantity that a noun follows describes it.
            // A count bounded so (实施20项以上重大科技项目, 10个左右蓝色人才团队) counts the noun after it instead.
            bool attributive = at < text.Length && ((text[at] == '的' && !NamesGoal(text, at + 1))
                || (suffix is "以上" or "以下" or "及以上" or "及以下" && Text.OutlineMarker.IsHan(text[at]) && !CountsThings(firstUnit)));
            if (IsName(text, i, at))
            {
                i = at - 1;
                continue;
            }
            found.Add(new Quantity(i, at, value, max, firstUnit == "％" ? "%" : firstUnit, suffix, attributive));
            i = at - 1;
        }
        return found;
    }

    /// <summary>翻一番 (×2), 翻两番 / 翻二番 (×4), 翻番 (×2): a growth printed without digits.</summary>
    private static bool TryDoubling(string text, int i, out Quantity quantity)
    {
        quantity = default;
        if (text[i] != '翻')
            return false;
        foreach (var (word, times) in new[] { ("翻一番", 2m), ("翻两番", 4m), ("翻二番", 4m), ("翻番", 2m) })
        {
            if (string.CompareOrdinal(text, i, word, 0, word.Length) == 0)
            {
                int end = i + word.Length;
                string? suffix = Suffixes.FirstOrDefault(s => string.CompareOrdinal(text, end, s, 0, s.Length) == 0);
                quantity = new Quantity(i, end + (suffix?.Length ?? 0), times, null, "倍", suffix, false);
                return true;
            }
        }
        return false;
    }

    private static bool StartsNumber(string text, int i)
    {
        char c = text[i];
        bool digit = IsDigit(c), numeral = IsNumeral(c);
        if (!digit && !numeral)
            return false;
        if (i == 0)
            return true;
        char before = text[i - 1];
        // Inside a longer number, a name (G20, 5G's letters), a version or a numbered item (第3).
        if (IsDigit(before) || before is '.' or '．' || char.IsAsciiLetter(before) || before == '第')
            return false;
        return !(numeral && IsNumeral(before));
    }

    /// <summary>Reads a number at <paramref name="i"/>; returns the offset past it (or <paramref name="i"/> when none).</summary>
    private static int ReadNumber(string text, int i, out decimal value, out bool arabic)
    {
        value = 0;
        arabic = IsDigit(text[i]);
        int at = i;
        if (!arabic)
        {
            while (at < text.Length && IsNumeral(text[at]) && at - i < 4)
                at++;
            return TryParseNumeral(text.AsSpan(i, at - i), out value) ? at : i;
        }
        var digits = new System.Text.StringBuilder();
        while (at < text.Length)
        {
            char c = text[at];
            if (IsDigit(c))
            {
                digits.Append((char)('0' + DigitValue(c)));
                at++;
            }
            else if (c == ',' && IsThousandsGroup(text, at + 1))
                at++;
            else if (c is '.' or '．' && at + 1 < text.Length && IsDigit(text[at + 1]) && !digits.ToString().Contains('.', StringComparison.Ordinal))
            {
                digits.Append('.');
                at++;
            }
            else
                break;
        }
        if (digits.Length > 18)
            return i;
        value = decimal.Parse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return at;
    }

    /// <summary>Three digits and then no fourth: 13,000 but not a list "1,2" or "2020,2021".</summary>
    private static bool IsThousandsGroup(string text, int at) =>
        at + 3 <= text.Length && IsDigit(text[at]) && IsDigit(text[at + 1]) && IsDigit(text[at + 2])
        && (at + 3 == text.Length || !IsDigit(text[at + 3]));

    private static string? ReadUnit(string text, int at, bool arabic)
    {
        string? multiplier = arabic ? Multipliers.FirstOrDefault(m => string.CompareOrdinal(text, at, m, 0, m.Length) == 0) : null;
        int unitAt = at + (multiplier?.Length ?? 0);
        var candidates = arabic ? Units : CountingUnits;
        string? unit = candidates.FirstOrDefault(u => string.CompareOrdinal(text, unitAt, u, 0, u.Length) == 0);
        if (unit is null)
            return null;
        // 3个 of 3个百分点 is read whole above; a percent sign after a multiplier is not a unit.
        if (multiplier is not null && unit is "%" or "％" or "‰" or "个百分点" or "百分点" or "倍")
            return null;
        return multiplier + unit;
    }

    /// <summary>A range's second half after a dash or 至/到: 5%—6%, 5—6%, 3-5家, 1至2个.</summary>
    private static bool TryRange(string text, int at, bool arabic, out int end, out decimal high, out string? unit)
    {
        end = at;
        high = 0;
        unit = null;
        if (at >= text.Length || text[at] is not ('-' or '—' or '–' or '~' or '～' or '至' or '到' or '－'))
            return false;
        int next = at + 1;
        while (next < text.Length && text[next] == '—')
            next++;
        if (next >= text.Length || !(arabic ? IsDigit(text[next]) : IsNumeral(text[next])))
            return false;
        int numberEnd = ReadNumber(text, next, out high, out _);
        if (numberEnd == next)
            return false;
        unit = ReadUnit(text, numberEnd, arabic);
        end = numberEnd + (unit?.Length ?? 0);
        return true;
    }

    /// <summary>
    /// A number inside a name or slogan: quoted (“3个100”工程, “1+1+N”), or followed by another number ("3个100").
    /// </summary>
    private static bool IsName(string text, int start, int end) =>
        (start > 0 && text[start - 1] is '“' or '"' or '+' or '「' or '×' or '*' or '/' or '÷')
        || (end < text.Length && (IsDigit(text[end]) || text[end] is '+' or '.'))
        || (end < text.Length && text[end] is '”' or '」' && text.LastIndexOf('“', start, Math.Min(start + 1, 6)) >= 0)
        || StructuralWords.Any(w => string.CompareOrdinal(text, end, w, 0, w.Length) == 0);

    /// <summary>
    /// 突破万亿元, 超千亿元: an amount printed as a multiplier alone after a verb of reaching, value 1 in that unit.
    /// A multiplier after anything else labels a size (千亿产业, 百亿产业集群) and is no amount.
    /// </summary>
    private static bool TryWordAmount(string text, int i, out Quantity quantity)
    {
        quantity = default;
        if (i == 0 || text[i - 1] is not ('破' or '超' or '达' or '到' or '过') || !Multipliers.Any(m => string.CompareOrdinal(text, i, m, 0, m.Length) == 0))
            return false;
        string? unit = ReadUnit(text, i, arabic: true);
        if (unit is null || unit == Multipliers.First(m => string.CompareOrdinal(text, i, m, 0, m.Length) == 0))
            return false;
        int at = i + unit.Length;
        string? suffix = Suffixes.FirstOrDefault(s => string.CompareOrdinal(text, at, s, 0, s.Length) == 0);
        at += suffix?.Length ?? 0;
        if (at < text.Length && (text[at] == '的' || Text.OutlineMarker.IsHan(text[at])))
            return false;
        quantity = new Quantity(i, at, 1, null, unit, suffix, false);
        return true;
    }

    /// <summary>Counts of a text's own parts (重点做好9个方面工作), not of anything a goal measures.</summary>
    private static readonly string[] StructuralWords = ["方面", "类别", "层次", "部分", "环节"];

    /// <summary>控制在5%以内的目标: a quantity that a goal word follows is that goal's value, not a description.</summary>
    private static bool NamesGoal(string text, int at) =>
        GoalNouns.Any(w => string.CompareOrdinal(text, at, w, 0, w.Length) == 0);

    private static readonly string[] GoalNouns = ["目标", "年度目标", "要求", "任务"];

    /// <summary>Units that count things (个, 家, 项 …), a multiplier before them or not; the rest measure (元, 人, %, 吨).</summary>
    private static bool CountsThings(string unit) =>
        unit.TrimStart('万', '千', '百', '十', '亿') is "个" or "家" or "项" or "所" or "座" or "条" or "处" or "张" or "部" or "支" or "批次" or "套" or "台" or "辆" or "件" or "篇" or "场" or "次" or "间" or "栋" or "艘" or "架";

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';

    private static bool IsNumeral(char c) => "一二三四五六七八九十两".Contains(c, StringComparison.Ordinal);

    /// <summary>一 … 九十九 and 两: the counts a plan prints in characters (两个百分点, 十家).</summary>
    private static bool TryParseNumeral(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (text.Length == 1 && text[0] == '两')
        {
            value = 2;
            return true;
        }
        if (!Text.ChineseNumeral.TryParse(text, out int parsed))
            return false;
        value = parsed;
        return true;
    }
}
